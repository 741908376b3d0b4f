import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { submitForm } from "../../../test/support/forms.ts";
import { addTherapist, signInTherapist } from "../../../test/support/people.ts";
import { SmtpTestServer } from "../../../test/support/smtp-test-server.ts";
import { createTestApp, type TestApp } from "../../../test/support/test-app.ts";
import { auditLog } from "../../platform/audit/audit.schema.ts";

// "Send me a test email" against a real SMTP server: the owner reads the server's own answer.

let t: TestApp;
let smtp: SmtpTestServer;
let ownerCookie: string;

beforeAll(async () => {
  smtp = new SmtpTestServer(await SmtpTestServer.freePort());
  await smtp.start();
  t = await createTestApp({ env: { SMTP_URL: smtp.url } });
  ownerCookie = await signInTherapist(t, await addTherapist(t, "Otto Oak", "otto@example.org"));
});
afterAll(async () => {
  await t.close();
  await smtp.stop();
});

const sendTest = () =>
  submitForm(t.app, {
    page: "/practice/settings",
    action: "/practice/settings/test-email",
    cookie: ownerCookie,
    fields: {},
  });

describe("send me a test email", () => {
  it("reaches the owner through the mail server and shows the server's answer", async () => {
    const response = await sendTest();
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain("The mail server accepted the test email for otto@example.org");
    expect(response.body).toMatch(/Its answer: “250 /);
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]?.to).toEqual(["otto@example.org"]);
    expect(smtp.received[0]?.raw).toContain("Subject: A message from Haven demo practice");
    const [entry] = await t.handle.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, "practice.test-email"));
    expect(entry?.detail).toEqual({ kind: "smtp", accepted: true });
  });

  it("says plainly when no mail server answers, and the page still works", async () => {
    await smtp.stop();
    const response = await sendTest();
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain("The test email was not sent.");
    expect(response.body).toContain("ECONNREFUSED");
    await smtp.start();
  });
});
