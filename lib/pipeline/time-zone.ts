// Whether Intl knows an IANA zone. A leaf module so the model's schemas can check a zone without
// depending on the cadence arithmetic (which depends on the model).
export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}
