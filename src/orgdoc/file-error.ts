/** A file that is not valid JSON or YAML; the message names the file and the place. */
export class OrgFileError extends Error {}
