import { stableUuid } from './stable-id.ts';

/**
 * The four fixed sample accounts behind `dialgraph sample` and `dialgraph serve` without data.
 * They do not depend on the seed: demo keys, docs and tests name these tenants, users and
 * assistants directly. Sizes are deliberately uneven (acme-health holds about half the calls)
 * so per-tenant scoping mistakes show up as wrong totals.
 */
export interface SampleTenant {
  tenant_id: string;
  name: string;
  /** The account owner's email, stored on every call of the tenant. */
  user_email: string;
  /** Fraction of all sample calls that belong to this tenant. */
  share: number;
  /** IANA zone the account works in (documentation and GraphiQL examples). */
  timeZone: string;
  /**
   * Standard-time UTC offset used to place business hours; daylight saving is ignored on
   * purpose, the rhythm only has to look plausible.
   */
  utcOffsetMinutes: number;
  users: SampleUser[];
  assistants: SampleAssistant[];
  numberGroups: SampleNamedId[];
  platformNumbers: SamplePlatformNumber[];
  teams: SampleNamedId[];
  agents: SampleAgent[];
  projects: SampleNamedId[];
  callFlows: SampleNamedId[];
  campaigns: SampleCampaign[];
  reseller_id: string;
  merchant_ids: string[];
  template_ids: string[];
  /** Telephony providers with relative weights. */
  providers: Array<readonly [string, number]>;
  /** E.164 prefixes of the tenant's customers; each is followed by `customerDigits` digits. */
  customerPrefixes: string[];
  customerDigits: number;
  cities: string[];
  plans: string[];
  /** Share of calls by channel/direction, relative weights. */
  mix: { web: number; inbound: number; outbound: number; internal: number };
  /** Probability that a phone call is handled by a voice-AI assistant. */
  aiHandledRate: number;
  /** Median talk time of answered calls, seconds. */
  medianTalkSec: number;
  /** Value assigned to a qualified lead, cents. */
  leadValueCents: number;
}

/** A user of an account. */
export interface SampleUser {
  user_id: string;
  name: string;
}

/** A voice-AI assistant. */
export interface SampleAssistant {
  assistant_id: string;
  name: string;
}

/** Anything with an id and a display name (teams, projects, call flows, number groups). */
export interface SampleNamedId {
  id: string;
  name: string;
}

/** A platform-owned phone number with its number id and group. */
export interface SamplePlatformNumber {
  number: string;
  number_id: string;
  number_group_id: string;
}

/** A dialer agent, member of one team. */
export interface SampleAgent {
  agent_id: string;
  name: string;
  team_id: string;
  /** Short extension, used as `answered_by` when the agent picks up. */
  extension: string;
}

/** A marketing campaign: attribution fields plus the tracking number it advertises. */
export interface SampleCampaign {
  source: string;
  utm_source?: string;
  utm_medium?: string;
  utm_campaign?: string;
  /** Search terms (only paid-search campaigns have them). */
  utm_terms: string[];
  tracking_number: string;
  weight: number;
}

interface TenantSpec {
  tenant_id: string;
  slug: string;
  name: string;
  user_email: string;
  share: number;
  timeZone: string;
  utcOffsetMinutes: number;
  users: string[];
  assistants: string[];
  numberGroups: string[];
  platformNumbers: string[];
  teams: string[];
  /** Agent name and index of its team. */
  agents: Array<readonly [string, number]>;
  projects: string[];
  callFlows: string[];
  campaigns: SampleCampaign[];
  merchants: number;
  templates: number;
  providers: Array<readonly [string, number]>;
  customerPrefixes: string[];
  customerDigits: number;
  cities: string[];
  plans: string[];
  mix: SampleTenant['mix'];
  aiHandledRate: number;
  medianTalkSec: number;
  leadValueCents: number;
}

const SPECS: TenantSpec[] = [
  {
    tenant_id: 'acme-health',
    slug: 'acme',
    name: 'Acme Health',
    user_email: 'owner@acme-health.example',
    share: 0.5,
    timeZone: 'America/New_York',
    utcOffsetMinutes: -300,
    users: ['Dana Whitfield', 'Marcus Lee', 'Priya Raman', 'Tom Okafor'],
    assistants: ['Appointment Scheduler', 'Prescription Refills', 'After-hours Triage', 'Billing Helper', 'Insurance Verifier'],
    numberGroups: ['Main lines', 'Clinics'],
    platformNumbers: ['+12125550101', '+12125550102', '+12125550103', '+17185550140', '+16465550177', '+19175550123'],
    teams: ['Front Desk', 'Patient Outreach'],
    agents: [['Alice Moreno', 0], ['Ben Carter', 0], ['Chloe Nguyen', 1], ['Diego Alvarez', 1], ['Erin Walsh', 1]],
    projects: ['Annual check-up reminders', 'New patient follow-up', 'Flu shot campaign'],
    callFlows: ['Main IVR', 'Appointments', 'After hours'],
    campaigns: [
      { source: 'google', utm_source: 'google', utm_medium: 'cpc', utm_campaign: 'primary-care-nyc', utm_terms: ['doctor near me', 'primary care nyc', 'same day appointment'], tracking_number: '+18885550111', weight: 40 },
      { source: 'facebook', utm_source: 'facebook', utm_medium: 'paid-social', utm_campaign: 'new-patient-offer', utm_terms: [], tracking_number: '+18885550112', weight: 20 },
      { source: 'direct', utm_terms: [], tracking_number: '+12125550100', weight: 25 },
      { source: 'referral', utm_source: 'zocdoc', utm_medium: 'referral', utm_campaign: 'zocdoc-listing', utm_terms: [], tracking_number: '+18885550113', weight: 15 },
    ],
    merchants: 3,
    templates: 4,
    providers: [['twilio', 70], ['sip', 30]],
    customerPrefixes: ['+1212', '+1718', '+1917', '+1646', '+1201'],
    customerDigits: 7,
    cities: ['New York', 'Brooklyn', 'Queens', 'Newark', 'Jersey City'],
    plans: ['basic', 'plus', 'premium'],
    mix: { web: 18, inbound: 42, outbound: 36, internal: 4 },
    aiHandledRate: 0.55,
    medianTalkSec: 150,
    leadValueCents: 12_000,
  },
  {
    tenant_id: 'brightline-realty',
    slug: 'brightline',
    name: 'Brightline Realty',
    user_email: 'broker@brightline-realty.example',
    share: 0.22,
    timeZone: 'America/Los_Angeles',
    utcOffsetMinutes: -480,
    users: ['Hannah Brooks', 'Leo Martins', 'Sofia Ricci'],
    assistants: ['Listing Concierge', 'Showing Scheduler', 'Buyer Qualifier'],
    numberGroups: ['Office', 'Listings'],
    platformNumbers: ['+14155550120', '+14155550121', '+15105550188', '+16505550142'],
    teams: ['Buyers', 'Sellers'],
    agents: [['Grace Kim', 0], ['Henry Zhou', 0], ['Isla Romero', 1]],
    projects: ['Open house follow-up', 'Expired listings'],
    callFlows: ['Office hours', 'Listing hotline'],
    campaigns: [
      { source: 'zillow', utm_source: 'zillow', utm_medium: 'listing', utm_campaign: 'premier-agent', utm_terms: [], tracking_number: '+18445550130', weight: 35 },
      { source: 'google', utm_source: 'google', utm_medium: 'cpc', utm_campaign: 'sf-homes-for-sale', utm_terms: ['homes for sale sf', 'realtor bay area'], tracking_number: '+18445550131', weight: 30 },
      { source: 'direct', utm_terms: [], tracking_number: '+14155550119', weight: 20 },
      { source: 'organic', utm_source: 'website', utm_medium: 'organic', utm_campaign: 'blog', utm_terms: [], tracking_number: '+18445550132', weight: 15 },
    ],
    merchants: 2,
    templates: 2,
    providers: [['twilio', 60], ['plivo', 40]],
    customerPrefixes: ['+1415', '+1510', '+1650', '+1408'],
    customerDigits: 7,
    cities: ['San Francisco', 'Oakland', 'San Jose', 'Palo Alto'],
    plans: ['buyer', 'seller', 'rental'],
    mix: { web: 25, inbound: 35, outbound: 36, internal: 4 },
    aiHandledRate: 0.45,
    medianTalkSec: 240,
    leadValueCents: 45_000,
  },
  {
    tenant_id: 'nova-insurance',
    slug: 'nova',
    name: 'Nova Insurance',
    user_email: 'admin@nova-insurance.example',
    share: 0.18,
    timeZone: 'Europe/London',
    utcOffsetMinutes: 0,
    users: ['Oliver Hughes', 'Amelia Clarke', 'Rajesh Patel'],
    assistants: ['Quote Assistant', 'Claims Intake', 'Renewal Reminder', 'Policy Helpdesk'],
    numberGroups: ['Sales', 'Claims', 'Service'],
    platformNumbers: ['+442079460101', '+442079460102', '+441614960155', '+441134960170', '+442079460199'],
    teams: ['Sales', 'Claims'],
    agents: [['Jack Turner', 0], ['Lily Evans', 0], ['Noah Price', 1], ['Maya Shah', 1]],
    projects: ['Renewals Q', 'Quote follow-up', 'Lapsed policies', 'Cross-sell home'],
    callFlows: ['Sales line', 'Claims line', 'Customer service', 'Out of hours'],
    campaigns: [
      { source: 'google', utm_source: 'google', utm_medium: 'cpc', utm_campaign: 'car-insurance-quote', utm_terms: ['cheap car insurance', 'car insurance quote', 'van insurance'], tracking_number: '+448005550140', weight: 35 },
      { source: 'bing', utm_source: 'bing', utm_medium: 'cpc', utm_campaign: 'home-insurance', utm_terms: ['home insurance uk', 'contents insurance'], tracking_number: '+448005550141', weight: 10 },
      { source: 'comparison', utm_source: 'comparethemarket', utm_medium: 'affiliate', utm_campaign: 'ctm-motor', utm_terms: [], tracking_number: '+448005550142', weight: 30 },
      { source: 'direct', utm_terms: [], tracking_number: '+442079460100', weight: 25 },
    ],
    merchants: 3,
    templates: 3,
    providers: [['sip', 50], ['twilio', 35], ['plivo', 15]],
    customerPrefixes: ['+447700', '+447911', '+447400', '+44207'],
    customerDigits: 6,
    cities: ['London', 'Manchester', 'Leeds', 'Bristol', 'Birmingham'],
    plans: ['motor', 'home', 'life', 'pet'],
    mix: { web: 12, inbound: 48, outbound: 36, internal: 4 },
    aiHandledRate: 0.5,
    medianTalkSec: 300,
    leadValueCents: 8_000,
  },
  {
    tenant_id: 'zen-solar',
    slug: 'zen',
    name: 'Zen Solar',
    user_email: 'founder@zen-solar.example',
    share: 0.1,
    timeZone: 'Asia/Kolkata',
    utcOffsetMinutes: 330,
    users: ['Ananya Iyer', 'Vikram Mehta'],
    assistants: ['Solar Advisor', 'Site Survey Booker'],
    numberGroups: ['Sales'],
    platformNumbers: ['+919876543210', '+918765432109', '+917654321098'],
    teams: ['Field Sales'],
    agents: [['Arjun Nair', 0], ['Kavya Reddy', 0]],
    projects: ['Rooftop leads', 'Subsidy follow-up'],
    callFlows: ['Sales IVR', 'Hindi line'],
    campaigns: [
      { source: 'facebook', utm_source: 'facebook', utm_medium: 'paid-social', utm_campaign: 'rooftop-subsidy', utm_terms: [], tracking_number: '+918005550150', weight: 45 },
      { source: 'google', utm_source: 'google', utm_medium: 'cpc', utm_campaign: 'solar-panels-bangalore', utm_terms: ['solar panel price', 'rooftop solar bangalore'], tracking_number: '+918005550151', weight: 30 },
      { source: 'direct', utm_terms: [], tracking_number: '+919876543200', weight: 25 },
    ],
    merchants: 2,
    templates: 2,
    providers: [['exotel', 60], ['plivo', 40]],
    customerPrefixes: ['+9198', '+9199', '+9197', '+9190'],
    customerDigits: 8,
    cities: ['Mumbai', 'Bengaluru', 'Pune', 'Hyderabad', 'Chennai'],
    plans: ['3kw', '5kw', '10kw'],
    mix: { web: 30, inbound: 30, outbound: 37, internal: 3 },
    aiHandledRate: 0.7,
    medianTalkSec: 180,
    leadValueCents: 30_000,
  },
];

function buildTenant(spec: TenantSpec): SampleTenant {
  const { slug } = spec;
  const ordinal = (i: number): string => String(i + 1).padStart(2, '0');
  const numberGroups = spec.numberGroups.map((name, i) => ({ id: stableUuid(`${spec.tenant_id}/number-group/${i}`), name }));
  const teams = spec.teams.map((name, i) => ({ id: `team_${slug}_${ordinal(i)}`, name }));
  return {
    tenant_id: spec.tenant_id,
    name: spec.name,
    user_email: spec.user_email,
    share: spec.share,
    timeZone: spec.timeZone,
    utcOffsetMinutes: spec.utcOffsetMinutes,
    users: spec.users.map((name, i) => ({ user_id: `usr_${slug}_${ordinal(i)}`, name })),
    assistants: spec.assistants.map((name, i) => ({ assistant_id: stableUuid(`${spec.tenant_id}/assistant/${i}`), name })),
    numberGroups,
    platformNumbers: spec.platformNumbers.map((number, i) => ({
      number,
      number_id: stableUuid(`${spec.tenant_id}/number/${i}`),
      number_group_id: numberGroups[i % numberGroups.length].id,
    })),
    teams,
    agents: spec.agents.map(([name, team], i) => ({
      agent_id: `agt_${slug}_${ordinal(i)}`,
      name,
      team_id: teams[team].id,
      extension: String(101 + i),
    })),
    projects: spec.projects.map((name, i) => ({ id: `prj_${slug}_${ordinal(i)}`, name })),
    callFlows: spec.callFlows.map((name, i) => ({ id: stableUuid(`${spec.tenant_id}/call-flow/${i}`), name })),
    campaigns: spec.campaigns,
    reseller_id: `res_${slug}`,
    merchant_ids: Array.from({ length: spec.merchants }, (_, i) => `mer_${slug}_${ordinal(i)}`),
    template_ids: Array.from({ length: spec.templates }, (_, i) => `tpl_${slug}_${ordinal(i)}`),
    providers: spec.providers,
    customerPrefixes: spec.customerPrefixes,
    customerDigits: spec.customerDigits,
    cities: spec.cities,
    plans: spec.plans,
    mix: spec.mix,
    aiHandledRate: spec.aiHandledRate,
    medianTalkSec: spec.medianTalkSec,
    leadValueCents: spec.leadValueCents,
  };
}

/** The sample tenants, biggest first. Always the same objects; treat them as read-only. */
export const SAMPLE_TENANTS: readonly SampleTenant[] = SPECS.map(buildTenant);

/** The sample tenant with this id, or undefined. */
export function sampleTenant(tenantId: string): SampleTenant | undefined {
  return SAMPLE_TENANTS.find((t) => t.tenant_id === tenantId);
}
