// A refusal in reports the clerk can act on (one line, exit 1).
import { UserFacingError } from '../office/errors.js';

export class ReportError extends UserFacingError {}
