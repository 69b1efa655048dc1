import type { Locator, Page } from "@playwright/test";
import { expect, expectAccessible, signIn, test } from "./fixtures";

// Keyboard focus is one blue ring everywhere, offset from the element: never the brand's red, which reads
// as an error, and visible beside a red button as on white (WCAG 1.4.11: at least 3:1).

type Rgb = [number, number, number];

const rgb = (css: string): Rgb => {
  const [r, g, b] = css
    .match(/\d+(\.\d+)?/g)!
    .slice(0, 3)
    .map(Number);
  return [r, g, b];
};

function contrast(a: Rgb, b: Rgb): number {
  const lum = ([r, g, b]: Rgb) => {
    const c = [r, g, b].map((v) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** Tabs until `target` has the focus, as a keyboard user would reach it. */
async function tabTo(page: Page, target: Locator) {
  for (let i = 0; i < 30 && !(await target.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press("Tab");
  await expect(target).toBeFocused();
}

/** The focused element's ring, and the background it is drawn on (the nearest opaque ancestor's). */
async function ring(target: Locator) {
  return target.evaluate(async (el) => {
    // A button's colours transition (Tailwind's transition-colors includes the outline's): read the ring
    // once its transitions have finished.
    await Promise.all(el.getAnimations().map((a) => a.finished));
    const style = getComputedStyle(el);
    let behind = el.parentElement;
    while (
      behind &&
      getComputedStyle(behind)
        .backgroundColor.replace(/\s/g, "")
        .match(/rgba\(.*,0\)|transparent/)
    )
      behind = behind.parentElement;
    return {
      style: style.outlineStyle,
      width: parseFloat(style.outlineWidth),
      offset: parseFloat(style.outlineOffset),
      color: style.outlineColor,
      own: style.backgroundColor,
      behind: behind ? getComputedStyle(behind).backgroundColor : "rgb(255, 255, 255)",
    };
  });
}

async function expectBlueRing(target: Locator) {
  const r = await ring(target);
  expect(r.style).toBe("solid");
  expect(r.width).toBeGreaterThanOrEqual(2);
  const color = rgb(r.color);
  // Blue, not red: the blue channel leads.
  expect(color[2]).toBeGreaterThan(color[0]);
  // Drawn beside the element (offset), on the background behind it, at 3:1 or more.
  expect(r.offset).toBeGreaterThanOrEqual(2);
  expect(contrast(color, rgb(r.behind))).toBeGreaterThanOrEqual(3);
  return r;
}

test("keyboard focus is a blue ring, on the brand's red buttons and on fields alike", async ({ page }) => {
  await page.goto("/sign-in");
  const username = page.getByLabel("Tên đăng nhập");
  await tabTo(page, username);
  await expectBlueRing(username);
  await username.fill("dangvien");
  const submit = page.getByRole("button", { name: "Đăng nhập" });
  await tabTo(page, submit);
  const onRed = await expectBlueRing(submit);
  // The button itself is the brand's red (red leads), the ring beside it blue (blue leads): the offset
  // puts the ring on the card's white, at 3:1 or more, not against the red.
  const [red, , blue] = rgb(onRed.own);
  expect(red).toBeGreaterThan(blue);
  await expectAccessible(page);

  await signIn(page, "dangvien");
  const link = page.getByRole("link", { name: "Viết bản kiểm điểm" });
  await tabTo(page, link);
  await expectBlueRing(link);
});
