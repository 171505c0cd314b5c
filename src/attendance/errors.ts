// A refusal in attendance the clerk can act on (one Chinese line, exit 1).
import { UserFacingError } from '../office/errors.js';

export class AttendanceError extends UserFacingError {}
