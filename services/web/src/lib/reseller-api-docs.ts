// The reseller API (SMM API v2, /api/v2) as its users are told about it. This file is the one source:
// the /api page renders it and `npm run docs:reseller -w @smm/web` writes it into
// services/gateway/README.md (test/reseller-docs.test.ts keeps the two equal). Prose may hold
// `code` spans (backticks), which both the page and Markdown understand; nothing else is markup.

export const RESELLER_API_PATH = '/api/v2';

/** What the samples carry where the reader's key goes: the real key is never written into a page twice. */
export const KEY_PLACEHOLDER = 'YOUR_API_KEY';

/** The endpoint the README names: it has no origin of its own. */
export const README_ENDPOINT = `https://your-panel.example${RESELLER_API_PATH}`;

export const RESELLER_INTRO = [
  'The standard SMM API v2 that panels and reseller scripts speak: add this panel as a provider in your own panel, or call it from a script.',
  'Every request carries `key` (your API key) and `action`. Send them by GET or POST — a form body, multipart, JSON, or fields in the query string all mean the same.',
  'Every reply is JSON. An error is `{"error": "<text>"}`; request errors come with HTTP 200, so read the body, not the status.',
];

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
export function paramsOf(call: ResellerCall): ResellerParam[] {
  return [
    { name: 'key', about: 'Your API key' },
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

export const RESELLER_CALLS: ResellerCall[] = [
  {
    id: 'services',
    action: 'services',
    title: 'Service list',
    about: 'The services you can order, with their numbers and prices.',
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
    notes: [
      '`service` is the number to pass to `add`.',
      "`rate` is the price per 1000 in your account's currency.",
    ],
  },
  {
    id: 'add',
    action: 'add',
    title: 'Add order',
    about: 'Places an order, paid from your balance.',
    params: [
      { name: 'service', about: 'The service number (from `services`)' },
      { name: 'link', about: 'Link to the page, post or profile' },
      { name: 'quantity', about: 'How many; not for Custom Comments and Package services' },
      {
        name: 'comments',
        about: 'Custom Comments services: one comment per line; the quantity is the number of lines',
      },
      { name: 'runs', about: 'Drip-feed services: how many runs' },
      {
        name: 'interval',
        about: 'Drip-feed services: minutes between runs; `quantity` is then per run',
      },
    ],
    reply: { order: 23501 },
    notes: [
      'Package services take `link` only.',
      '`order` is the order number to pass to `status`, `refill` and `cancel`.',
    ],
  },
  {
    id: 'status',
    action: 'status',
    title: 'Order status',
    about: 'The status of one order.',
    params: [{ name: 'order', about: 'The order number' }],
    reply: STATUS,
    notes: [
      `\`status\` is one of ${words(ORDER_STATUS_WORDS)}.`,
      '`charge` is what the order costs now: its price minus what was refunded.',
    ],
  },
  {
    id: 'status-multi',
    action: 'status',
    title: 'Several orders’ status',
    about: 'The status of up to 100 orders in one request.',
    params: [{ name: 'orders', about: 'Order numbers, comma-separated (at most 100)' }],
    reply: { '23501': STATUS, '23502': { error: 'Incorrect order ID' } },
    notes: ['The reply is keyed by order number; an order that is not yours or does not exist has an error.'],
  },
  {
    id: 'refill',
    action: 'refill',
    title: 'Refill',
    about: 'Asks for a refill of one order.',
    params: [{ name: 'order', about: 'The order number' }],
    reply: { refill: 88 },
    notes: ['`refill` is the refill number to pass to `refill_status`.'],
  },
  {
    id: 'refill-multi',
    action: 'refill',
    title: 'Refill several orders',
    about: 'Asks for a refill of several orders.',
    params: [{ name: 'orders', about: 'Order numbers, comma-separated (at most 100)' }],
    reply: [
      { order: 23501, refill: 88 },
      { order: 23502, refill: { error: 'Refill is disabled for this service' } },
    ],
  },
  {
    id: 'refill-status',
    action: 'refill_status',
    title: 'Refill status',
    about: 'The status of one refill.',
    params: [{ name: 'refill', about: 'The refill number' }],
    reply: { status: 'Completed' },
    notes: [`\`status\` is one of ${words(REFILL_STATUS_WORDS)}.`],
  },
  {
    id: 'refill-status-multi',
    action: 'refill_status',
    title: 'Several refills’ status',
    about: 'The status of several refills.',
    params: [{ name: 'refills', about: 'Refill numbers, comma-separated (at most 100)' }],
    reply: [
      { refill: 88, status: 'Completed' },
      { refill: 89, status: { error: 'Refill not found' } },
    ],
  },
  {
    id: 'cancel',
    action: 'cancel',
    title: 'Cancel',
    about: 'Asks to cancel orders.',
    params: [{ name: 'orders', about: 'Order numbers, comma-separated (at most 100)' }],
    reply: [
      { order: 23501, cancel: 1 },
      { order: 23502, cancel: { error: 'Order is already finished' } },
    ],
    notes: ['`1` means the cancel was accepted; what was not delivered is refunded to your balance.'],
  },
  {
    id: 'balance',
    action: 'balance',
    title: 'Balance',
    about: 'Your balance.',
    params: [],
    reply: { balance: '100.84', currency: 'USD' },
  },
];

/** Each action name once, in the order the calls list them. */
export const RESELLER_ACTIONS = [...new Set(RESELLER_CALLS.map((c) => c.action))];

export interface ResellerError {
  text: string;
  when: string;
  /** The HTTP status it comes with. */
  http: number;
}

export const RESELLER_ERRORS: ResellerError[] = [
  { text: 'Invalid API key', when: 'The key is missing, wrong, or was rotated', http: 200 },
  { text: 'Your account is suspended', when: 'The key’s account cannot order', http: 200 },
  { text: 'Incorrect request', when: 'The request could not be read', http: 200 },
  { text: 'Incorrect action', when: 'No such `action`', http: 200 },
  { text: 'Incorrect service ID', when: 'No such service, or it is not on sale', http: 200 },
  { text: 'Incorrect order ID', when: 'No such order of yours', http: 200 },
  { text: 'Incorrect link', when: '`link` is not a link', http: 200 },
  { text: 'Incorrect quantity', when: '`quantity` missing, or not a whole number', http: 200 },
  { text: 'Quantity less than minimal 50', when: 'Below the service’s `min` (its number here)', http: 200 },
  {
    text: 'Quantity more than maximal 10000',
    when: 'Above the service’s `max` (its number here)',
    http: 200,
  },
  { text: 'Incorrect comments', when: 'Custom Comments without comments, or one too long', http: 200 },
  { text: 'Incorrect runs', when: '`runs` out of bounds', http: 200 },
  { text: 'Incorrect interval', when: '`interval` out of bounds', http: 200 },
  {
    text: 'Drip-feed is disabled for this service',
    when: '`runs` or `interval` for a service without drip-feed',
    http: 200,
  },
  { text: 'Not enough funds on balance', when: 'Your balance does not cover the order', http: 200 },
  { text: 'Too many orders: at most 100 per request', when: 'More than 100 numbers in a list', http: 200 },
  { text: 'Refill not found', when: 'No such refill of yours', http: 200 },
  { text: 'Too many requests', when: 'Your key’s rate limit is spent: wait a little', http: 429 },
  { text: 'Service temporarily unavailable', when: 'The panel is busy or down: retry later', http: 503 },
  { text: 'Not found', when: 'A path other than `/api/v2`', http: 404 },
  { text: 'Method not allowed: use GET or POST', when: 'A method other than GET or POST', http: 405 },
];

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
