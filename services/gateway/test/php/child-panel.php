<?php
// What a SmartPanel-style child panel does with this panel as its provider, step by step:
//   place URL KEY FILE SERVICE LINK QUANTITY   → stores the provider's order id in an int(11) column
//   poll URL KEY FILE                          → polls every stored id > 0 with one multi status call
// FILE holds its `orders` table: provider_order_id int(11) NOT NULL DEFAULT 0, status varchar, remains
// int, charge decimal — written the way such panels write it: (int) casts, (float) for money.
require __DIR__ . '/Api.php';

[, $step, $url, $key, $file] = $argv;
$api = new Api($url, $key);
$rows = file_exists($file) ? json_decode(file_get_contents($file), true) : [];

function int11($v): int
{
    $n = (int) $v;
    // MySQL strict mode refuses what does not fit int(11); non-strict would store 0.
    if ($n < -2147483648 || $n > 2147483647) {
        throw new RuntimeException("Out of range value for column 'provider_order_id': $v");
    }
    return $n;
}

if ($step === 'place') {
    [, , , , , $service, $link, $quantity] = $argv;
    $services = $api->services();
    $found = null;
    foreach ($services as $s) {
        if ((int) $s->service === (int) $service) {
            $found = $s;
        }
    }
    if ($found === null) {
        throw new RuntimeException("service $service not in the provider's list");
    }
    $reply = $api->order(['service' => (int) $found->service, 'link' => $link, 'quantity' => (int) $quantity]);
    $rows[] = [
        'link' => $link,
        'provider_order_id' => int11($reply->order ?? 0),
        'status' => 'pending',
        'remains' => (int) $quantity,
        'charge' => null,
        'error' => $reply->error ?? null,
    ];
} elseif ($step === 'poll') {
    $ids = [];
    foreach ($rows as $r) {
        if ($r['provider_order_id'] > 0) {
            $ids[] = $r['provider_order_id'];
        }
    }
    if ($ids) {
        $statuses = $api->multiStatus($ids);
        foreach ($rows as &$r) {
            $s = $statuses->{(string) $r['provider_order_id']} ?? null;
            if ($s && !isset($s->error)) {
                $r['status'] = strtolower($s->status);
                $r['remains'] = (int) $s->remains;
                $r['charge'] = (float) $s->charge;
            }
        }
        unset($r);
    }
} else {
    throw new RuntimeException("unknown step $step");
}
file_put_contents($file, json_encode($rows));
echo json_encode($rows), "\n";
