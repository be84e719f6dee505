/**
 * Bands that replace exact amounts in the analyst's view (PIPA Art. 28-2, pseudonymisation: amounts
 * generalised into ranges). Band widths follow the scale of the programs' own tests: income in steps
 * of KRW 1,000,000 (the median-income thresholds differ by about that much per household size),
 * assets in steps of KRW 100,000,000 (the NESS asset limit is KRW 400,000,000 / 500,000,000), annual
 * revenue in steps of KRW 100,000,000 (the Tomorrow Learning Card's self-employed ceiling was KRW 400,000,000).
 * The same bands stand for those amounts wherever an analyst meets them: people's fields and the
 * rules' explanations (security/explanations.ts).
 */
import { thousands as krw } from "./thousands";

function band(amount: number, width: number): string {
  const low = Math.floor(Math.max(0, amount) / width) * width;
  return `KRW ${krw(low)}-${krw(low + width - 1)}`;
}

export const INCOME_BAND_WIDTH = 1_000_000;
export const ASSETS_BAND_WIDTH = 100_000_000;
export const REVENUE_BAND_WIDTH = 100_000_000;

export const incomeBand = (monthlyIncome: number) => band(monthlyIncome, INCOME_BAND_WIDTH);
export const assetsBand = (assets: number) => band(assets, ASSETS_BAND_WIDTH);
export const revenueBand = (annualRevenue: number) => band(annualRevenue, REVENUE_BAND_WIDTH);
