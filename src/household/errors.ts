// The error of the household area: a household not found, a note not saved.
import { UserFacingError } from '../office/errors.js';

export class ArchiveError extends UserFacingError {}
