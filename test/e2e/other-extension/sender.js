// Empty on purpose: the e2e test sends its messages from here through Playwright.
