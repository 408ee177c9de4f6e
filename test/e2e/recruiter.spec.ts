// Recruiter, from the page alone: its send payloads are unknown, so a send counts when the rep
// clicks Send and Recruiter then says the message went out; its cost payload says free or not.

import { type Extension, expect, serveAnswer, setUpSeat, test } from './fixtures';

const CANDIDATE = 'https://www.linkedin.com/talent/profile/AEMAAALEX';

const setUpRecruiter = (extension: Extension) => setUpSeat(extension, 'recruiter-lite', 87);

test('a Recruiter InMail confirmed by Recruiter costs a credit', async ({ context, extension }) => {
  await setUpRecruiter(extension);
  const page = await context.newPage();
  await page.goto(CANDIDATE);
  const chip = page.locator('[data-inmail-ledger="cost-chip"]').getByRole('status');
  // Recruiter's own count ("Use 1 of 87") is on screen: the chip says the cost only.
  await expect(chip).toHaveText('Costs 1 credit');
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(page.locator('body')).toHaveAttribute('data-test-sent', 'yes');
  await expect.poll(async () => (await extension.badge()).text).toBe('86');
  const popup = await extension.openPopup();
  const row = popup.getByTestId('inmail-row');
  await expect(row).toHaveAttribute('data-status', 'awaiting');
  await expect(row).toContainText('Alex Kim');
  await expect(popup.getByTestId('detection-health')).toHaveAttribute('data-state', 'ok');
  await expect(popup.getByTestId('detection-health')).toContainText('Tracking works');
});

test('when Recruiter says the candidate costs nothing, the send is free', async ({ context, extension }) => {
  await setUpRecruiter(extension);
  const page = await context.newPage();
  // Recruiter's GraphQL answer for this candidate: no credit (talentRecipientInMailCostInfo).
  await serveAnswer(page, '**/talent/api/graphql?*', 'recruiter-inmail-cost/one-recipient.json', (text) =>
    text.replace('"inMailCost": 1', '"inMailCost": 0'),
  );
  await page.goto(CANDIDATE);
  await expect(page.locator('[data-inmail-ledger="cost-chip"]').getByRole('status')).toContainText('Free');
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(page.locator('body')).toHaveAttribute('data-test-sent', 'yes');
  const popup = await extension.openPopup();
  await expect(popup.getByTestId('inmail-row')).toHaveAttribute('data-status', 'free');
  expect((await extension.badge()).text).toBe('87');
});

test('an earlier "Message sent" still on the page confirms no later click that failed', async ({
  context,
  extension,
}) => {
  test.setTimeout(60_000);
  await setUpRecruiter(extension);
  const page = await context.newPage();
  await page.goto(CANDIDATE);
  await expect(page.locator('[data-inmail-ledger="cost-chip"]')).toHaveCount(1);
  // An earlier send's toast is still up; this click's send fails (Recruiter says nothing new).
  await page.evaluate(() => {
    document.body.setAttribute('data-test-silent', '');
    (document.querySelector('[data-test-toast]') as HTMLElement).textContent = 'Message sent';
  });
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  // The click was handled: after Recruiter's 15 s, health says no confirmation came.
  const popup = await extension.openPopup();
  await expect(popup.getByTestId('detection-health')).toContainText(
    'Recruiter: "message sent" confirmation not found',
    { timeout: 30_000 },
  );
  expect((await extension.badge()).text).toBe('87');
  await expect(popup.getByTestId('inmail-row')).toHaveCount(0);
});
