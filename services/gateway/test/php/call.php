<?php
// php call.php URL KEY TRANSPORT METHOD [ARG]: one call of the reseller client, printed as JSON
// with the HTTP status and what PHP made of the reply (types included: a reseller's script casts).
require __DIR__ . '/Api.php';

[, $url, $key, $transport, $method] = $argv;
$arg = $argv[5] ?? null;
$api = new Api($url, $key);
$api->transport = $transport;

switch ($method) {
    case 'order':
        $reply = $api->order(json_decode($arg, true));
        break;
    case 'status':
        $reply = $api->status($arg);
        break;
    case 'multiStatus':
        $reply = $api->multiStatus(explode(',', $arg));
        break;
    case 'services':
        $reply = $api->services();
        break;
    case 'refill':
        // The vendor client's signature is refill(int $orderId): our number passes it as an int.
        $reply = $api->refill((int) $arg);
        break;
    case 'multiRefill':
        $reply = $api->multiRefill(array_map('intval', explode(',', $arg)));
        break;
    case 'refillStatus':
        $reply = $api->refillStatus((int) $arg);
        break;
    case 'multiRefillStatus':
        $reply = $api->multiRefillStatus(array_map('intval', explode(',', $arg)));
        break;
    case 'cancel':
        $reply = $api->cancel(array_map('intval', explode(',', $arg)));
        break;
    case 'balance':
        $reply = $api->balance();
        break;
    case 'raw':
        $reply = $api->raw(json_decode($arg, true));
        break;
    default:
        fwrite(STDERR, "unknown method $method\n");
        exit(2);
}

// What a panel's code reads: an error is a string it can print, an order id an int it can store.
$error = is_object($reply) && isset($reply->error) ? $reply->error : null;
echo json_encode([
    'http' => $api->last_http_code,
    'reply' => $reply,
    'errorIsString' => $error === null ? null : is_string($error),
    'orderAsInt' => is_object($reply) && isset($reply->order) ? (int) $reply->order : null,
    'refillAsInt' => is_object($reply) && isset($reply->refill) ? (int) $reply->refill : null,
]), "\n";
