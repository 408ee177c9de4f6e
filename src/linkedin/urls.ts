// LinkedIn addresses the extension itself uses (not to fetch: to open and to recognise).

/** Where a click on an expiry notification takes the rep. */
export const SALES_NAVIGATOR_HOME = 'https://www.linkedin.com/sales/home';

/** Pages our content scripts run on all start with this; anything else is not LinkedIn. */
export const LINKEDIN_ORIGIN = 'https://www.linkedin.com/';
