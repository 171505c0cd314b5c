// Errors the clerk can act on: the command prints their message as one line
// and exits 1, with no stack trace. Anything else is a bug or the machine.
export class UserFacingError extends Error {}
