// The reseller API (SMM API v2, /api/v2) as its users are told about it. This file is the one source:
// the /api page renders it and `npm run docs:reseller -w @smm/web` writes it into
// services/gateway/README.md (test/reseller-docs.test.ts keeps the two equal). Prose may hold
// `code` spans (backticks), which both the page and Markdown understand; nothing else is markup.
// The prose is in the catalog (messages/customer.ts, `api.doc.*`): the page shows it in the chosen
// language (`resellerCalls(t)`), the README in English (the constants below). Parameter names,
// actions, replies, error texts and code samples are the API's own and stay as they are.

import { en } from './messages/customer.ts';

export const RESELLER_API_PATH = '/api/v2';

/** What the samples carry where the reader's key goes: the real key is never written into a page twice. */
export const KEY_PLACEHOLDER = 'YOUR_API_KEY';

/** The endpoint the README names: it has no origin of its own. */
export const README_ENDPOINT = `https://your-panel.example${RESELLER_API_PATH}`;

/** A message of the docs (messages/customer.ts), `{name}` filled: `t` for the page, `english` for the README. */
export type Say = (key: DocKey, vars?: Record<string, string | number>) => string;
type DocKey = keyof typeof en;

/** The English of the catalog, whatever the page's language: what the README is written in. */
export const english: Say = (key, vars = {}) =>
  en[key].replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));

export function resellerIntro(say: Say = english): string[] {
  return [say('api.doc.intro1'), say('api.doc.intro2'), say('api.doc.intro3')];
}

/** The README's introduction (English). */
export const RESELLER_INTRO = resellerIntro();

export interface ResellerParam {
  name: string;
  /** Starts with the services it is for, when it is not for all. */
  about: string;
}

export interface ResellerCall {
  /** Unique per call (an action may have a one-order and a many-orders form): the page's anchor. */
  id: string;
  action: string;
  title: string;
  about: string;
  params: ResellerParam[];
  reply: unknown;
  notes?: string[];
}

/** `key` and `action` come first in every call's parameters. */
export function paramsOf(call: ResellerCall, say: Say = english): ResellerParam[] {
  return [
    { name: 'key', about: say('api.doc.keyParam') },
    { name: 'action', about: `\`${call.action}\`` },
    ...call.params,
  ];
}

const STATUS = { charge: '0.90', start_count: '3572', status: 'Partial', remains: '157', currency: 'USD' };

export const ORDER_STATUS_WORDS = [
  'Pending',
  'Processing',
  'In progress',
  'Completed',
  'Partial',
  'Canceled',
];
export const REFILL_STATUS_WORDS = ['Pending', 'In progress', 'Completed', 'Rejected'];

const words = (list: string[]) => list.map((w) => `\`${w}\``).join(', ');

/** The actions, their parameters and notes in the language `say` speaks (English by default: the README). */
export function resellerCalls(say: Say = english): ResellerCall[] {
  const order = { name: 'order', about: say('api.doc.order') };
  const orders = { name: 'orders', about: say('api.doc.orders') };
  return [
    {
      id: 'services',
      action: 'services',
      title: say('api.doc.services.title'),
      about: say('api.doc.services.about'),
      params: [],
      reply: [
        {
          service: 1000,
          name: 'Instagram followers',
          type: 'Default',
          category: 'Instagram',
          rate: '0.90',
          min: '50',
          max: '10000',
          refill: true,
          cancel: true,
          dripfeed: false,
          desc: 'Real-looking accounts, start within an hour',
        },
      ],
      notes: [say('api.doc.services.note1'), say('api.doc.services.note2')],
    },
    {
      id: 'add',
      action: 'add',
      title: say('api.doc.add.title'),
      about: say('api.doc.add.about'),
      params: [
        { name: 'service', about: say('api.doc.add.service') },
        { name: 'link', about: say('api.doc.add.link') },
        { name: 'quantity', about: say('api.doc.add.quantity') },
        { name: 'comments', about: say('api.doc.add.comments') },
        { name: 'runs', about: say('api.doc.add.runs') },
        { name: 'interval', about: say('api.doc.add.interval') },
      ],
      reply: { order: 23501 },
      notes: [say('api.doc.add.note1'), say('api.doc.add.note2')],
    },
    {
      id: 'status',
      action: 'status',
      title: say('api.doc.status.title'),
      about: say('api.doc.status.about'),
      params: [order],
      reply: STATUS,
      notes: [say('api.doc.statusOneOf', { words: words(ORDER_STATUS_WORDS) }), say('api.doc.status.note2')],
    },
    {
      id: 'status-multi',
      action: 'status',
      title: say('api.doc.statusMulti.title'),
      about: say('api.doc.statusMulti.about'),
      params: [orders],
      reply: { '23501': STATUS, '23502': { error: 'Incorrect order ID' } },
      notes: [say('api.doc.statusMulti.note')],
    },
    {
      id: 'refill',
      action: 'refill',
      title: say('api.doc.refill.title'),
      about: say('api.doc.refill.about'),
      params: [order],
      reply: { refill: 88 },
      notes: [say('api.doc.refill.note')],
    },
    {
      id: 'refill-multi',
      action: 'refill',
      title: say('api.doc.refillMulti.title'),
      about: say('api.doc.refillMulti.about'),
      params: [orders],
      reply: [
        { order: 23501, refill: 88 },
        { order: 23502, refill: { error: 'Refill is disabled for this service' } },
      ],
    },
    {
      id: 'refill-status',
      action: 'refill_status',
      title: say('api.doc.refillStatus.title'),
      about: say('api.doc.refillStatus.about'),
      params: [{ name: 'refill', about: say('api.doc.refillStatus.refill') }],
      reply: { status: 'Completed' },
      notes: [say('api.doc.statusOneOf', { words: words(REFILL_STATUS_WORDS) })],
    },
    {
      id: 'refill-status-multi',
      action: 'refill_status',
      title: say('api.doc.refillStatusMulti.title'),
      about: say('api.doc.refillStatusMulti.about'),
      params: [{ name: 'refills', about: say('api.doc.refillStatusMulti.refills') }],
      reply: [
        { refill: 88, status: 'Completed' },
        { refill: 89, status: { error: 'Refill not found' } },
      ],
    },
    {
      id: 'cancel',
      action: 'cancel',
      title: say('api.doc.cancel.title'),
      about: say('api.doc.cancel.about'),
      params: [orders],
      reply: [
        { order: 23501, cancel: 1 },
        { order: 23502, cancel: { error: 'Order is already finished' } },
      ],
      notes: [say('api.doc.cancel.note')],
    },
    {
      id: 'balance',
      action: 'balance',
      title: say('api.doc.balance.title'),
      about: say('api.doc.balance.about'),
      params: [],
      reply: { balance: '100.84', currency: 'USD' },
    },
  ];
}

/** The README's calls (English). */
export const RESELLER_CALLS: ResellerCall[] = resellerCalls();

/** Each action name once, in the order the calls list them. */
export const RESELLER_ACTIONS = [...new Set(RESELLER_CALLS.map((c) => c.action))];

export interface ResellerError {
  /** The error text itself, as the API sends it (always English: clients match on it). */
  text: string;
  when: string;
  /** The HTTP status it comes with. */
  http: number;
}

export function resellerErrors(say: Say = english): ResellerError[] {
  return [
    { text: 'Invalid API key', when: say('api.doc.err.key'), http: 200 },
    { text: 'Your account is suspended', when: say('api.doc.err.suspended'), http: 200 },
    { text: 'Incorrect request', when: say('api.doc.err.request'), http: 200 },
    { text: 'Incorrect action', when: say('api.doc.err.action'), http: 200 },
    { text: 'Incorrect service ID', when: say('api.doc.err.service'), http: 200 },
    { text: 'Incorrect order ID', when: say('api.doc.err.order'), http: 200 },
    { text: 'Incorrect link', when: say('api.doc.err.link'), http: 200 },
    { text: 'Incorrect quantity', when: say('api.doc.err.quantity'), http: 200 },
    { text: 'Quantity less than minimal 50', when: say('api.doc.err.min'), http: 200 },
    { text: 'Quantity more than maximal 10000', when: say('api.doc.err.max'), http: 200 },
    { text: 'Incorrect comments', when: say('api.doc.err.comments'), http: 200 },
    { text: 'Incorrect runs', when: say('api.doc.err.runs'), http: 200 },
    { text: 'Incorrect interval', when: say('api.doc.err.interval'), http: 200 },
    { text: 'Drip-feed is disabled for this service', when: say('api.doc.err.drip'), http: 200 },
    { text: 'Not enough funds on balance', when: say('api.doc.err.funds'), http: 200 },
    { text: 'Too many orders: at most 100 per request', when: say('api.doc.err.tooMany'), http: 200 },
    { text: 'Refill not found', when: say('api.doc.err.refill'), http: 200 },
    { text: 'Too many requests', when: say('api.doc.err.rate'), http: 429 },
    { text: 'Service temporarily unavailable', when: say('api.doc.err.unavailable'), http: 503 },
    { text: 'Not found', when: say('api.doc.err.notFound'), http: 404 },
    { text: 'Method not allowed: use GET or POST', when: say('api.doc.err.method'), http: 405 },
  ];
}

/** The README's error table (English). */
export const RESELLER_ERRORS: ResellerError[] = resellerErrors();

export interface CodeSample {
  title: string;
  language: 'php' | 'sh';
  code: string;
}

/** The marker between the PHP client class and its examples (a test runs the class alone). */
export const PHP_EXAMPLES_MARK = '// Examples';

/** A PHP client in the style panels publish for their customers (curl, http_build_query, json_decode). */
export function phpSample(endpoint: string): CodeSample {
  return {
    title: 'PHP',
    language: 'php',
    code: `<?php

class Api
{
    /** API URL */
    public $api_url = '${endpoint}';

    /** Your API key */
    public $api_key = '${KEY_PLACEHOLDER}';

    /** Add order */
    public function order($data)
    {
        $post = array_merge(['key' => $this->api_key, 'action' => 'add'], $data);
        return json_decode($this->connect($post));
    }

    /** Get order status */
    public function status($order_id)
    {
        return json_decode($this->connect([
            'key' => $this->api_key,
            'action' => 'status',
            'order' => $order_id,
        ]));
    }

    /** Get orders status */
    public function multiStatus($order_ids)
    {
        return json_decode($this->connect([
            'key' => $this->api_key,
            'action' => 'status',
            'orders' => implode(',', (array) $order_ids),
        ]));
    }

    /** Get services */
    public function services()
    {
        return json_decode($this->connect([
            'key' => $this->api_key,
            'action' => 'services',
        ]));
    }

    /** Refill order */
    public function refill(int $orderId)
    {
        return json_decode($this->connect([
            'key' => $this->api_key,
            'action' => 'refill',
            'order' => $orderId,
        ]));
    }

    /** Refill orders */
    public function multiRefill(array $orderIds)
    {
        return json_decode($this->connect([
            'key' => $this->api_key,
            'action' => 'refill',
            'orders' => implode(',', $orderIds),
        ]), true);
    }

    /** Get refill status */
    public function refillStatus(int $refillId)
    {
        return json_decode($this->connect([
            'key' => $this->api_key,
            'action' => 'refill_status',
            'refill' => $refillId,
        ]));
    }

    /** Get refills status */
    public function multiRefillStatus(array $refillIds)
    {
        return json_decode($this->connect([
            'key' => $this->api_key,
            'action' => 'refill_status',
            'refills' => implode(',', $refillIds),
        ]), true);
    }

    /** Cancel orders */
    public function cancel(array $orderIds)
    {
        return json_decode($this->connect([
            'key' => $this->api_key,
            'action' => 'cancel',
            'orders' => implode(',', $orderIds),
        ]), true);
    }

    /** Get balance */
    public function balance()
    {
        return json_decode($this->connect([
            'key' => $this->api_key,
            'action' => 'balance',
        ]));
    }

    private function connect($post)
    {
        $ch = curl_init($this->api_url);
        curl_setopt($ch, CURLOPT_RETURNTRANSFER, 1);
        curl_setopt($ch, CURLOPT_HEADER, 0);
        curl_setopt($ch, CURLOPT_POST, 1);
        curl_setopt($ch, CURLOPT_POSTFIELDS, http_build_query($post));
        curl_setopt($ch, CURLOPT_TIMEOUT, 30);
        $result = curl_exec($ch);
        if (curl_errno($ch) != 0 && empty($result)) {
            $result = false;
        }
        curl_close($ch);
        return $result;
    }
}

${PHP_EXAMPLES_MARK}
$api = new Api();

$services = $api->services(); // all services: number, name, rate, min, max…
$balance = $api->balance(); // your balance and currency

// Add order
$order = $api->order(['service' => 1000, 'link' => 'https://instagram.com/p/abc', 'quantity' => 100]);
// Custom Comments: one comment per line
$order = $api->order(['service' => 1001, 'link' => 'https://instagram.com/p/abc', 'comments' => "Great post!\\nLove it"]);
// Package: the link only
$order = $api->order(['service' => 1002, 'link' => 'https://instagram.com/abc']);
// Drip-feed: 100 per run, 10 runs, 60 minutes apart
$order = $api->order(['service' => 1003, 'link' => 'https://instagram.com/p/abc', 'quantity' => 100, 'runs' => 10, 'interval' => 60]);

if (isset($order->error)) {
    echo 'Refused: ' . $order->error . PHP_EOL;
} else {
    $status = $api->status($order->order); // charge, start_count, status, remains, currency
}
$statuses = $api->multiStatus([23501, 23502]);

$refill = $api->refill(23501); // $refill->refill is the refill number
$refillStatus = $api->refillStatus(88);
$refills = $api->multiRefill([23501, 23502]);
$refillStatuses = $api->multiRefillStatus([88, 89]);

$cancel = $api->cancel([23501, 23502]);
`,
  };
}

/** The same calls as command lines, one per transport a script might use. */
export function curlSample(endpoint: string): CodeSample {
  const k = KEY_PLACEHOLDER;
  return {
    title: 'curl',
    language: 'sh',
    code: `# Service list (POST, form fields)
curl -s ${endpoint} -d key=${k} -d action=services

# Add order
curl -s ${endpoint} -d key=${k} -d action=add \\
  -d service=1000 --data-urlencode link=https://instagram.com/p/abc -d quantity=100

# Add a drip-feed order: 100 per run, 10 runs, 60 minutes apart
curl -s ${endpoint} -d key=${k} -d action=add \\
  -d service=1003 --data-urlencode link=https://instagram.com/p/abc \\
  -d quantity=100 -d runs=10 -d interval=60

# Add Custom Comments (bash: $'…' makes \\n a new line)
curl -s ${endpoint} -d key=${k} -d action=add \\
  -d service=1001 --data-urlencode link=https://instagram.com/p/abc \\
  --data-urlencode $'comments=Great post!\\nLove it'

# Order status (GET, fields in the query string)
curl -s '${endpoint}?key=${k}&action=status&order=23501'

# Several orders' status
curl -s ${endpoint} -d key=${k} -d action=status -d orders=23501,23502

# Refill, and the refill's status
curl -s ${endpoint} -d key=${k} -d action=refill -d order=23501
curl -s ${endpoint} -d key=${k} -d action=refill_status -d refill=88

# Cancel orders
curl -s ${endpoint} -d key=${k} -d action=cancel -d orders=23501,23502

# Balance (POST, JSON)
curl -s ${endpoint} -H 'Content-Type: application/json' \\
  -d '{"key": "${k}", "action": "balance"}'
`,
  };
}

export function codeSamples(endpoint: string): CodeSample[] {
  return [phpSample(endpoint), curlSample(endpoint)];
}

const LINE = 64;

/**
 * An example reply as the docs print it: JSON with `{"a": 1, "b": 2}` spacing, each value on one line
 * while it fits in 64 columns and spread over lines below that, so a phone scrolls little.
 */
export function replyText(reply: unknown, indent = 0, column = indent): string {
  const flat = oneLine(reply);
  if (column + flat.length <= LINE || typeof reply !== 'object' || reply === null) return flat;
  const pad = ' '.repeat(indent + 2);
  const entries = Array.isArray(reply)
    ? reply.map((v) => pad + replyText(v, indent + 2))
    : Object.entries(reply).map(([k, v]) => {
        const head = `${pad}${JSON.stringify(k)}: `;
        return head + replyText(v, indent + 2, head.length);
      });
  const [open, close] = Array.isArray(reply) ? ['[', ']'] : ['{', '}'];
  return `${open}\n${entries.join(',\n')}\n${' '.repeat(indent)}${close}`;
}

function oneLine(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(oneLine).join(', ')}]`;
  if (typeof value === 'object' && value !== null) {
    return `{${Object.entries(value)
      .map(([k, v]) => `${JSON.stringify(k)}: ${oneLine(v)}`)
      .join(', ')}}`;
  }
  return JSON.stringify(value);
}
