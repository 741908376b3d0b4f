import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { auditActionWords } from "../../src/features/practice/messages.ts";

// Issue 16, item 6: the audit log reads in plain words for every action. This test finds every action
// Haven records (the `action` of each `recordAudit` call in src/) and fails on one without its words,
// so a new event cannot reach the owner's log as a raw key.

const root = join(import.meta.dirname, "..", "..");
/** The kinds of account a `${account.kind}.…` action is recorded for. */
const accountKinds = ["therapist", "client"];

type Found = { actions: string[]; unreadable: string[] };

/** The action names an expression can take, or undefined when the code does not say them literally. */
function actionsOf(node: ts.Expression): string[] | undefined {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return [node.text];
  if (ts.isParenthesizedExpression(node)) return actionsOf(node.expression);
  if (ts.isConditionalExpression(node)) {
    const [yes, no] = [actionsOf(node.whenTrue), actionsOf(node.whenFalse)];
    return yes && no ? [...yes, ...no] : undefined;
  }
  if (ts.isTemplateExpression(node) && node.head.text === "" && node.templateSpans.length === 1) {
    const [span] = node.templateSpans;
    if (span && /\.kind$/.test(span.expression.getText()))
      return accountKinds.map((kind) => `${kind}${span.literal.text}`);
  }
  return undefined;
}

function recordedActions(): Found {
  const found: Found = { actions: [], unreadable: [] };
  const files = readdirSync(join(root, "src"), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
  for (const file of files) {
    const text = readFileSync(file, "utf8");
    if (!text.includes("recordAudit(")) continue;
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node) => {
      if (ts.isCallExpression(node) && /(^|\.)recordAudit$/.test(node.expression.getText())) {
        const entry = node.arguments[1];
        const action =
          entry && ts.isObjectLiteralExpression(entry)
            ? entry.properties.find(
                (p): p is ts.PropertyAssignment =>
                  ts.isPropertyAssignment(p) && p.name.getText() === "action",
              )
            : undefined;
        const names = action ? actionsOf(action.initializer) : undefined;
        const where = `${relative(root, file)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
        if (names) found.actions.push(...names);
        else found.unreadable.push(where);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}

describe("the audit log's words", () => {
  const { actions, unreadable } = recordedActions();

  it("finds the actions Haven records (the test reads the code it checks)", () => {
    expect(actions).toContain("client.invited");
    expect(actions).toContain("therapist.sign-in");
    expect(actions.length).toBeGreaterThan(50);
  });

  it("names every action literally, so each can be given words", () => {
    expect(unreadable).toEqual([]);
  });

  it("has plain words for every action recorded", () => {
    const missing = [...new Set(actions)].filter((action) => !auditActionWords[action]).sort();
    expect(missing).toEqual([]);
  });

  it("keeps no words for an action nothing records any more", () => {
    const recorded = new Set(actions);
    expect(Object.keys(auditActionWords).filter((action) => !recorded.has(action))).toEqual([]);
  });
});
