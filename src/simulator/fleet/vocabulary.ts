/**
 * Fixed word lists the fleet generators draw from: operating systems, software families, tag
 * names, statuses. Values follow what the seeds and docs/qualys-api.md show where they show anything
 * (noted per list); the rest is plausible filler.
 *
 * @module
 */
import type { Platform } from './types.js';

/** Start of the generated timeline: 2024-01-01T00:00:00Z (epoch ms). Fixed so data never depends on the clock. */
export const TIMELINE_START_MS = Date.UTC(2024, 0, 1);

/** End of the generated timeline: 2025-06-30T00:00:00Z (epoch ms). */
export const TIMELINE_END_MS = Date.UTC(2025, 5, 30);

/** One day in ms. */
export const DAY_MS = 86_400_000;

/** Operating system strings, in the release-note format (`Windows Microsoft Windows 10 Pro 10.0.17134 Build 17134`, seed 001). */
export const WINDOWS_OPERATING_SYSTEMS: readonly (readonly [string, number])[] = [
  ['Windows Microsoft Windows 10 Pro 10.0.19045 Build 19045', 25],
  ['Windows Microsoft Windows 10 Enterprise 10.0.19044 Build 19044', 15],
  ['Windows Microsoft Windows 11 Enterprise 10.0.22631 Build 22631', 20],
  ['Windows Microsoft Windows 11 Pro 10.0.22621 Build 22621', 10],
  ['Windows Microsoft Windows Server 2019 Standard 10.0.17763 Build 17763', 12],
  ['Windows Microsoft Windows Server 2022 Datacenter 10.0.20348 Build 20348', 12],
  ['Windows Microsoft Windows Server 2016 Standard 10.0.14393 Build 14393', 6],
];

/** A Linux distribution: OS strings of its releases and how its advisories are named. */
export interface LinuxDistro {
  readonly key: string;
  readonly vendor: string;
  readonly operatingSystems: readonly string[];
  /** Advisory id prefix, e.g. `RHSA`. */
  readonly advisoryPrefix: string;
  readonly product: string;
  readonly link: string;
}

/** Linux distributions; each Linux asset runs one, each Linux patch belongs to one. */
export const LINUX_DISTROS: readonly LinuxDistro[] = [
  {
    key: 'rhel',
    vendor: 'Red Hat',
    operatingSystems: ['Red Hat Enterprise Linux 8.9', 'Red Hat Enterprise Linux 9.3'],
    advisoryPrefix: 'RHSA',
    product: 'Red Hat Enterprise Linux',
    link: 'https://access.redhat.com/errata/',
  },
  {
    key: 'ubuntu',
    vendor: 'Canonical',
    operatingSystems: ['Ubuntu Linux 20.04.6 LTS', 'Ubuntu Linux 22.04.4 LTS'],
    advisoryPrefix: 'USN',
    product: 'Ubuntu',
    link: 'https://ubuntu.com/security/notices/',
  },
  {
    key: 'debian',
    vendor: 'Debian',
    operatingSystems: ['Debian GNU/Linux 11.9', 'Debian GNU/Linux 12.5'],
    advisoryPrefix: 'DSA',
    product: 'Debian',
    link: 'https://www.debian.org/security/',
  },
  {
    key: 'amazon',
    vendor: 'Amazon',
    operatingSystems: ['Amazon Linux 2', 'Amazon Linux 2023'],
    advisoryPrefix: 'ALAS',
    product: 'Amazon Linux',
    link: 'https://alas.aws.amazon.com/',
  },
  {
    key: 'suse',
    vendor: 'SUSE',
    operatingSystems: ['SUSE Linux Enterprise Server 15 SP5'],
    advisoryPrefix: 'SUSE-SU',
    product: 'SUSE Linux Enterprise Server',
    link: 'https://www.suse.com/support/update/announcement/',
  },
];

/** A software family patches belong to (`appFamily`, `vendor`, `type`, products). */
export interface SoftwareFamily {
  readonly appFamily: string;
  readonly vendor: string;
  /** `OS` or `APPLICATION` (seed 004 shows `OS`). */
  readonly type: 'OS' | 'APPLICATION';
  readonly products: readonly string[];
  /** Whether its patches usually need a reboot. */
  readonly reboot: boolean;
  readonly weight: number;
}

/** Windows software families. */
export const WINDOWS_FAMILIES: readonly SoftwareFamily[] = [
  {
    appFamily: 'Windows',
    vendor: 'Microsoft',
    type: 'OS',
    products: [
      'Windows 10 Pro (x64)',
      'Windows 10 Enterprise (x64)',
      'Windows 11 Enterprise (x64)',
      'Windows 11 Pro (x64)',
      'Windows Server 2019 Standard (x64)',
      'Windows Server 2022 Datacenter (x64)',
      'Windows Server 2016 Standard (x64)',
    ],
    reboot: true,
    weight: 40,
  },
  {
    appFamily: 'Office',
    vendor: 'Microsoft',
    type: 'APPLICATION',
    products: [
      'Microsoft Office 2016 (x64)',
      'Microsoft 365 Apps for Enterprise (x64)',
      'Microsoft Office 2019 (x64)',
    ],
    reboot: false,
    weight: 12,
  },
  {
    appFamily: '.NET Framework',
    vendor: 'Microsoft',
    type: 'APPLICATION',
    products: ['Microsoft .NET Framework 4.8', 'Microsoft .NET Framework 4.8.1'],
    reboot: true,
    weight: 8,
  },
  {
    appFamily: 'Edge',
    vendor: 'Microsoft',
    type: 'APPLICATION',
    products: ['Microsoft Edge (x64)'],
    reboot: false,
    weight: 8,
  },
  {
    appFamily: 'Chrome',
    vendor: 'Google',
    type: 'APPLICATION',
    products: ['Google Chrome (x64)', 'Google Chrome (x86)'],
    reboot: false,
    weight: 10,
  },
  {
    appFamily: 'Firefox',
    vendor: 'Mozilla',
    type: 'APPLICATION',
    products: ['Mozilla Firefox (x64)', 'Mozilla Firefox ESR (x64)'],
    reboot: false,
    weight: 8,
  },
  {
    appFamily: 'Acrobat Reader',
    vendor: 'Adobe',
    type: 'APPLICATION',
    products: ['Adobe Acrobat Reader DC (x64)'],
    reboot: false,
    weight: 6,
  },
  {
    appFamily: 'Java',
    vendor: 'Oracle',
    type: 'APPLICATION',
    products: ['Oracle Java SE 8 (x64)', 'Oracle Java SE 17 (x64)'],
    reboot: false,
    weight: 4,
  },
  {
    appFamily: 'Zoom',
    vendor: 'Zoom',
    type: 'APPLICATION',
    products: ['Zoom Workplace (x64)'],
    reboot: false,
    weight: 4,
  },
];

/** Linux package families (the `appFamily` of Linux patches). */
export const LINUX_FAMILIES: readonly SoftwareFamily[] = [
  { appFamily: 'Kernel', vendor: '', type: 'OS', products: ['kernel'], reboot: true, weight: 20 },
  { appFamily: 'OpenSSL', vendor: '', type: 'APPLICATION', products: ['openssl'], reboot: false, weight: 10 },
  { appFamily: 'OpenSSH', vendor: '', type: 'APPLICATION', products: ['openssh'], reboot: false, weight: 8 },
  { appFamily: 'glibc', vendor: '', type: 'OS', products: ['glibc'], reboot: true, weight: 8 },
  { appFamily: 'sudo', vendor: '', type: 'APPLICATION', products: ['sudo'], reboot: false, weight: 5 },
  { appFamily: 'Python', vendor: '', type: 'APPLICATION', products: ['python3'], reboot: false, weight: 8 },
  {
    appFamily: 'curl',
    vendor: '',
    type: 'APPLICATION',
    products: ['curl', 'libcurl'],
    reboot: false,
    weight: 8,
  },
  { appFamily: 'systemd', vendor: '', type: 'OS', products: ['systemd'], reboot: true, weight: 6 },
  { appFamily: 'nginx', vendor: '', type: 'APPLICATION', products: ['nginx'], reboot: false, weight: 5 },
  {
    appFamily: 'PostgreSQL',
    vendor: '',
    type: 'APPLICATION',
    products: ['postgresql'],
    reboot: false,
    weight: 5,
  },
  { appFamily: 'Firefox', vendor: '', type: 'APPLICATION', products: ['firefox'], reboot: false, weight: 5 },
];

/** Vendor severities with weights (values: docs/qualys-api.md §10 `vendorSeverity`). */
export const VENDOR_SEVERITIES: readonly (readonly [string, number])[] = [
  ['Critical', 20],
  ['Important', 35],
  ['Moderate', 20],
  ['Low', 10],
  ['None', 15],
];

/** Patch categories; `Security Patches` is seed 004's value and the one `isSecurity` patches get. */
export const NON_SECURITY_CATEGORIES: readonly string[] = [
  'Critical Updates',
  'Updates',
  'Update Rollups',
  'Feature Packs',
];

/** 30 tag names. */
export const TAG_NAMES: readonly string[] = [
  'Production',
  'Staging',
  'Development',
  'Finance',
  'HR',
  'Engineering',
  'Sales',
  'Marketing',
  'Datacenter EU',
  'Datacenter US',
  'Cloud AWS',
  'Cloud Azure',
  'Critical Servers',
  'Workstations',
  'Laptops',
  'Domain Controllers',
  'Web Servers',
  'Database Servers',
  'PCI',
  'HIPAA',
  'DMZ',
  'VIP Users',
  'Remote Workers',
  'Kiosk',
  'Lab',
  'Legacy',
  'Patch Ring 0',
  'Patch Ring 1',
  'Patch Ring 2',
  'Cloud Agent',
];

/** First names for user and logged-on-user names. */
export const FIRST_NAMES: readonly string[] = [
  'Anna',
  'Ben',
  'Chloe',
  'David',
  'Emma',
  'Farid',
  'Grace',
  'Hiro',
  'Ines',
  'Jonas',
  'Kavya',
  'Liam',
  'Maya',
  'Noah',
  'Olga',
  'Priya',
];

/** Last names for user and logged-on-user names. */
export const LAST_NAMES: readonly string[] = [
  'Schmidt',
  'Patel',
  'Okafor',
  'Nguyen',
  'Garcia',
  'Kowalski',
  'Tanaka',
  'Johansson',
  'Rossi',
  'Dubois',
  'Silva',
  'Moreau',
];

/**
 * Asset `assetStatus` with its int `statusCode` and weight. Only `Failed`/20212 is documented
 * (release 3.9 sample); the other codes are the simulator's.
 */
export const ASSET_STATUSES: readonly (readonly [
  { readonly status: string; readonly code: number },
  number,
])[] = [
  [{ status: 'Completed', code: 20200 }, 70],
  [{ status: 'Pending', code: 20210 }, 12],
  [{ status: 'Failed', code: 20212 }, 10],
  [{ status: 'In Progress', code: 20205 }, 8],
];

/** Hardware `{model, manufacturer}` per platform (release 3.9 sample order). */
export const HARDWARE: Readonly<
  Record<Platform, readonly { readonly model: string; readonly manufacturer: string }[]>
> = {
  Windows: [
    { model: 'OptiPlex 7090', manufacturer: 'Dell Inc.' },
    { model: 'Latitude 5440', manufacturer: 'Dell Inc.' },
    { model: 'ThinkPad T14 Gen 3', manufacturer: 'LENOVO' },
    { model: 'ProDesk 600 G6', manufacturer: 'HP' },
    { model: 'VMware Virtual Platform', manufacturer: 'VMware, Inc.' },
    { model: 'Virtual Machine', manufacturer: 'Microsoft Corporation' },
  ],
  Linux: [
    { model: 't3.large', manufacturer: 'Amazon EC2' },
    { model: 'VMware Virtual Platform', manufacturer: 'VMware, Inc.' },
    { model: 'PowerEdge R650', manufacturer: 'Dell Inc.' },
    { model: 'Standard PC (Q35 + ICH9, 2009)', manufacturer: 'QEMU' },
  ],
};

/** Time zones of `SPECIFIC_TZ` jobs (IANA names, as in the seeds: `UTC`, `Asia/Kolkata`). */
export const TIME_ZONES: readonly string[] = [
  'UTC',
  'America/New_York',
  'Europe/Berlin',
  'Asia/Kolkata',
  'Australia/Sydney',
];

/** A mitigation the MTG jobs can apply to a QID. */
export interface MitigationQid {
  readonly qid: number;
  readonly title: string;
  readonly platform: Platform;
  /** Qualys detection score (seed 003 `qds`). */
  readonly qds: number;
  readonly mitigationType: string;
}

/**
 * QIDs mitigation jobs target. 90007 and 90043 with their titles and scores come from the seed
 * 003 MTG sample; the others are plausible filler.
 */
export const MITIGATION_QIDS: readonly MitigationQid[] = [
  {
    qid: 90007,
    title: 'Enabled Cached Logon Credential',
    platform: 'Windows',
    qds: 50,
    mitigationType: 'Registry Update',
  },
  {
    qid: 90043,
    title: 'SMB Signing Disabled or SMB Signing Not Required',
    platform: 'Windows',
    qds: 35,
    mitigationType: 'Registry Update',
  },
  {
    qid: 90044,
    title: 'Allowed Null Session',
    platform: 'Windows',
    qds: 45,
    mitigationType: 'Registry Update',
  },
  {
    qid: 91017,
    title: 'Microsoft SMBv1 Protocol Enabled',
    platform: 'Windows',
    qds: 70,
    mitigationType: 'Registry Update',
  },
  {
    qid: 90783,
    title: 'Remote Desktop Network Level Authentication Not Enforced',
    platform: 'Windows',
    qds: 55,
    mitigationType: 'Registry Update',
  },
  {
    qid: 38794,
    title: 'TLS Version 1.0 Protocol Detection',
    platform: 'Windows',
    qds: 40,
    mitigationType: 'Registry Update',
  },
  {
    qid: 105170,
    title: 'Windows Explorer Autoplay Not Disabled',
    platform: 'Windows',
    qds: 30,
    mitigationType: 'Registry Update',
  },
  {
    qid: 38739,
    title: 'Deprecated SSH Cryptographic Settings',
    platform: 'Linux',
    qds: 35,
    mitigationType: 'Configuration Change',
  },
  {
    qid: 38909,
    title: 'SHA1 deprecated setting for SSH',
    platform: 'Linux',
    qds: 30,
    mitigationType: 'Configuration Change',
  },
  {
    qid: 105943,
    title: 'Linux Kernel Module Loading Not Restricted',
    platform: 'Linux',
    qds: 45,
    mitigationType: 'Configuration Change',
  },
  {
    qid: 45165,
    title: 'Sudo Insecure Defaults Detected',
    platform: 'Linux',
    qds: 50,
    mitigationType: 'Configuration Change',
  },
];
