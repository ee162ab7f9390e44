/** Firefox's id for Jalur: fixed, so its storage, granted permissions and AMO listing stay Jalur's across updates. */
export const GECKO_ID = 'jalur@jalur.dev';
