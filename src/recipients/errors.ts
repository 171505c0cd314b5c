// The error of the recipients area: a clerk's entry that cannot be saved, said why.
import { UserFacingError } from '../office/errors.js';

export class RecipientError extends UserFacingError {}
