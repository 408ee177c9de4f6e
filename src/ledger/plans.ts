// The plans LinkedIn sells with InMail credits, and their defaults (CREDIT-RULES.md, "Plans").
// The user's own numbers on a seat override these.

export const PLAN_IDS = [
  'premium-career',
  'premium-business',
  'sales-navigator-core',
  'sales-navigator-advanced',
  'sales-navigator-advanced-plus',
  'recruiter-lite',
  'recruiter',
  'none',
] as const;

export type PlanId = (typeof PLAN_IDS)[number];

/** LinkedIn's InMail credit pools: each plan draws from one of them (a cancelled plan from none). */
export const POOLS = ['sales-navigator', 'premium', 'recruiter'] as const;
export type Pool = (typeof POOLS)[number];

export interface Plan {
  label: string;
  /** Credits granted each month. */
  monthlyCredits: number;
  /** The cap for a given monthly amount (Recruiter's is 4 × its contract amount). */
  cap: (monthlyCredits: number) => number;
  /** Day of the month credits arrive; null: the user's billing or contract day. */
  grantDay: number | null;
  /** Which LinkedIn credit pool the plan draws from. */
  pool: Pool | 'none';
}

export const PLANS: Record<PlanId, Plan> = {
  'premium-career': {
    label: 'Premium Career',
    monthlyCredits: 5,
    cap: () => 15,
    grantDay: null,
    pool: 'premium',
  },
  'premium-business': {
    label: 'Premium Business',
    monthlyCredits: 15,
    cap: () => 45,
    grantDay: null,
    pool: 'premium',
  },
  'sales-navigator-core': {
    label: 'Sales Navigator Core',
    monthlyCredits: 50,
    cap: () => 150,
    grantDay: 1,
    pool: 'sales-navigator',
  },
  'sales-navigator-advanced': {
    label: 'Sales Navigator Advanced',
    monthlyCredits: 50,
    cap: () => 150,
    grantDay: 1,
    pool: 'sales-navigator',
  },
  'sales-navigator-advanced-plus': {
    label: 'Sales Navigator Advanced Plus',
    monthlyCredits: 50,
    cap: () => 150,
    grantDay: 1,
    pool: 'sales-navigator',
  },
  'recruiter-lite': {
    label: 'Recruiter Lite',
    monthlyCredits: 30,
    cap: () => 120,
    grantDay: null,
    pool: 'recruiter',
  },
  recruiter: {
    label: 'Recruiter',
    monthlyCredits: 150,
    cap: (monthly) => 4 * monthly,
    grantDay: null,
    pool: 'recruiter',
  },
  none: {
    label: 'No plan (cancelled)',
    monthlyCredits: 0,
    cap: () => 0,
    grantDay: null,
    pool: 'none',
  },
};

export function isPlanId(value: unknown): value is PlanId {
  return typeof value === 'string' && (PLAN_IDS as readonly string[]).includes(value);
}
