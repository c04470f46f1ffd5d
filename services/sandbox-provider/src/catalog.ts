import { z } from 'zod';

/** Types real panels list; the last three are ones a reseller panel cannot send correctly. */
export const SERVICE_TYPES = [
  'Default',
  'Package',
  'Custom Comments',
  'Custom Comments Package',
  'Subscriptions',
  'Poll',
  'Mentions with Hashtags',
] as const;
export type ServiceType = (typeof SERVICE_TYPES)[number];

export const serviceDefSchema = z.object({
  service: z.number().int().positive(),
  name: z.string().min(1),
  type: z.enum(SERVICE_TYPES).default('Default'),
  category: z.string().min(1),
  /** Price per 1000 (per order for Package), a decimal string so money stays exact. */
  rate: z.string().regex(/^\d+(\.\d+)?$/, 'rate must be a decimal string'),
  min: z.number().int().min(1),
  max: z.number().int().min(1),
  refill: z.boolean().default(false),
  cancel: z.boolean().default(false),
  dripfeed: z.boolean().default(false),
});

export type ServiceDef = z.output<typeof serviceDefSchema>;
export type ServiceDefInput = z.input<typeof serviceDefSchema>;

export const catalogSchema = z
  .array(serviceDefSchema)
  .min(1)
  .refine((list) => new Set(list.map((s) => s.service)).size === list.length, 'service ids must be unique');

/** What a small real panel lists: a few categories and one service of each special type. */
export const DEFAULT_CATALOG: readonly ServiceDef[] = [
  {
    service: 1,
    name: 'Instagram Followers [Refill 30 days]',
    type: 'Default',
    category: 'Instagram Followers',
    rate: '0.90',
    min: 50,
    max: 10000,
    refill: true,
    cancel: true,
    dripfeed: false,
  },
  {
    service: 2,
    name: 'Instagram Likes [Fast]',
    type: 'Default',
    category: 'Instagram Likes',
    rate: '0.15',
    min: 10,
    max: 50000,
    refill: false,
    cancel: true,
    dripfeed: false,
  },
  {
    service: 3,
    name: 'YouTube Views [Drip-feed]',
    type: 'Default',
    category: 'YouTube Views',
    rate: '1.25',
    min: 100,
    max: 1000000,
    refill: false,
    cancel: false,
    dripfeed: true,
  },
  {
    service: 4,
    name: 'Instagram Custom Comments',
    type: 'Custom Comments',
    category: 'Instagram Comments',
    rate: '8',
    min: 1,
    max: 1500,
    refill: false,
    cancel: true,
    dripfeed: false,
  },
  {
    service: 5,
    name: 'Instagram Starter Package (100 likes + 50 followers)',
    type: 'Package',
    category: 'Packages',
    rate: '2.50',
    min: 1,
    max: 1,
    refill: false,
    cancel: false,
    dripfeed: false,
  },
  {
    service: 6,
    name: 'TikTok Views',
    type: 'Default',
    category: 'TikTok Views',
    rate: '0.0125',
    min: 100,
    max: 10000000,
    refill: true,
    cancel: true,
    dripfeed: false,
  },
];
