/** The directory's own projection runner (apart from the read models, so that an authorisation waits for it alone). */
export const DIRECTORY_RUNNER = Symbol('DIRECTORY_RUNNER');
export const DIRECTORY_QUERIES = Symbol('DIRECTORY_QUERIES');
