/**
 * The embedded data folder holds something PGlite cannot open as its database. Its own
 * module: the start's failure lines name it without loading PGlite.
 */
export class DataFolderUnreadable extends Error {}
