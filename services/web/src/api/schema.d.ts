// Generated from the gateway's OpenAPI document (GET /docs/json) by
// `npm run api:types -w @smm/web` (services/web/scripts/api-types.ts). Do not edit:
// test/api-types.test.ts fails when this file and the gateway's routes disagree.

export interface paths {
    "/api/admin/activity": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: {
                    /** @description exact action, e.g. order.canceled */
                    action?: string;
                    actorId?: string;
                    /** @description nextCursor of the previous page */
                    cursor?: string;
                    limit?: number;
                    orderId?: string;
                    providerId?: string;
                    userId?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            activity: components["schemas"]["ActivityEntry"][];
                            nextCursor: string | null;
                            /** @enum {boolean} */
                            success: true;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/categories": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: {
                    search?: string;
                    status?: "active" | "inactive";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            categories: components["schemas"]["AdminCategory"][];
                            /** @enum {boolean} */
                            success: true;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        description?: string | null;
                        name: string;
                        sortOrder?: number;
                        /** @enum {string} */
                        status?: "active" | "inactive";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            category: components["schemas"]["AdminCategory"];
                            /** @enum {boolean} */
                            success: true;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/categories/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description false: services or orders use it, so it was made inactive */
                            deleted: boolean;
                            /** @enum {boolean} */
                            success: true;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        description?: string | null;
                        name?: string;
                        sortOrder?: number;
                        /** @enum {string} */
                        status?: "active" | "inactive";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            category: components["schemas"]["AdminCategory"];
                            /** @enum {boolean} */
                            success: true;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/admin/dashboard": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The panel at a glance: sales, orders needing an admin, provider balances, queues, sync lag */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description today and the 6 days before */
                            last7Days: {
                                orders: number;
                                /** @description no provider charge known yet: left out of the profit */
                                ordersWithoutCost: number;
                                /** @description revenue − provider cost, over the orders whose cost is known */
                                profitUSD: string;
                                /** @description what providers charged (their status `charge`), in USD */
                                providerCostUSD: string;
                                /** @description paid by customers less refunds, at each order’s USD price */
                                revenueUSD: string;
                            };
                            /** @description the warning threshold (LOW_BALANCE_USD) */
                            lowBalanceUSD: string;
                            needsReview: number;
                            pendingDeposits: number;
                            providers: {
                                /** @description as of its last check, in its currency */
                                balance: string | null;
                                balanceAt: string | null;
                                balanceUSD: string | null;
                                currency: string | null;
                                id: string;
                                /** @description below LOW_BALANCE_USD (false when unknown) */
                                low: boolean;
                                name: string;
                                status: string;
                            }[];
                            /** @description null while Redis does not answer */
                            queues: {
                                active: number;
                                delayed: number;
                                failed: number;
                                name: string;
                                waiting: number;
                            }[] | null;
                            /** @enum {boolean} */
                            success: true;
                            sync: {
                                dueOrders: number;
                                lagSeconds: number;
                                liveOrders: number;
                            };
                            /** @description where "today" begins (DASHBOARD_TIME_ZONE) */
                            timeZone: string;
                            today: {
                                orders: number;
                                /** @description no provider charge known yet: left out of the profit */
                                ordersWithoutCost: number;
                                /** @description revenue − provider cost, over the orders whose cost is known */
                                profitUSD: string;
                                /** @description what providers charged (their status `charge`), in USD */
                                providerCostUSD: string;
                                /** @description paid by customers less refunds, at each order’s USD price */
                                revenueUSD: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/deposits": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Deposit requests, newest first (status=pending for the queue to check) */
        get: {
            parameters: {
                query?: {
                    /** @description nextCursor of the previous page */
                    cursor?: string;
                    limit?: number;
                    status?: "pending" | "approved" | "rejected";
                    /** @description exact, case-insensitive */
                    transactionId?: string;
                    userId?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["AdminDeposit"][];
                            nextCursor: string | null;
                            /** @enum {boolean} */
                            success: true;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/deposits/{id}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Approve a pending deposit: the user's balance is credited once, in their currency */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description what actually arrived, in the method's currency, when it differs from the claim */
                        amount?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description exact decimal, 6 places */
                            balance: string;
                            deposit: components["schemas"]["AdminDeposit"];
                            /** @enum {boolean} */
                            success: true;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/deposits/{id}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reject a pending deposit with a reason the customer reads */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            deposit: components["schemas"]["AdminDeposit"];
                            /** @enum {boolean} */
                            success: true;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: {
                    /** @description nextCursor of the previous page */
                    cursor?: string;
                    /** @description created at or after */
                    from?: string;
                    isManual?: string;
                    limit?: number;
                    /** @description substring of the link, case-insensitive */
                    link?: string;
                    /** @description one order by its number (23501) */
                    number?: number;
                    providerId?: string;
                    /** @description why orders are in needs_review */
                    reviewKind?: "sent_no_answer" | "ambiguous_reply" | "duplicate_provider_id" | "unknown_refusal" | "worker_died" | "settle_refund" | "sync_errors";
                    serviceId?: string;
                    status?: "pending" | "submitting" | "needs_review" | "processing" | "in_progress" | "completed" | "partial" | "canceled";
                    /** @description created before */
                    to?: string;
                    userId?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description orders per status under the same filters, status filter aside; every status present */
                            counts: {
                                [key: string]: number;
                            };
                            nextCursor: string | null;
                            orders: components["schemas"]["AdminOrder"][];
                            /** @enum {boolean} */
                            success: true;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/orders/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            activity: components["schemas"]["ActivityEntry"][];
                            ledger: {
                                actorId: string | null;
                                /** @description exact decimal, 6 places */
                                amount: string;
                                /** @description exact decimal, 6 places */
                                balanceAfter: string;
                                /** @description ISO 8601, UTC */
                                createdAt: string;
                                /** @enum {string} */
                                currency: "BDT" | "USD";
                                id: string;
                                /** @enum {string} */
                                kind: "charge" | "refund" | "adjustment" | "deposit";
                                note: string | null;
                            }[];
                            order: components["schemas"]["AdminOrder"];
                            /** @enum {boolean} */
                            success: true;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Manual fulfilment (status with architecture.md#money refunds), notes, or a provider order id to settle a review */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        adminNotes?: string | null;
                        /** @description needs_review/pending → processing */
                        providerOrderId?: string;
                        /** @description required with status partial */
                        remains?: number;
                        startCount?: number;
                        /** @enum {string} */
                        status?: "processing" | "in_progress" | "completed" | "partial" | "canceled";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            order: components["schemas"]["AdminOrder"];
                            /** @description given back by this change */
                            refunded: string | null;
                            /** @enum {boolean} */
                            success: true;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/admin/orders/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel and refund everything not yet refunded (pending, needs_review, processing, in_progress) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason?: string;
                    } | null;
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            order: components["schemas"]["AdminOrder"];
                            /**
                             * @description best-effort provider `cancel` for an order live at a provider; the refund happens either way
                             * @enum {string}
                             */
                            providerCancel: "not_at_provider" | "canceled" | "refused" | "failed";
                            providerCancelMessage: string | null;
                            /** @description exact decimal, 6 places */
                            refunded: string;
                            /** @enum {boolean} */
                            success: true;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/orders/{id}/settle": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Settle once what automation may not refund: a package Partial, a Partial without remains, a finished order with no refund yet */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        note: string;
                        /** @description the amount to give back, in the order's currency */
                        refund?: string;
                        /** @description not delivered, in the order units */
                        remains?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            order: components["schemas"]["AdminOrder"];
                            /** @description exact decimal, 6 places */
                            refunded: string;
                            /** @enum {boolean} */
                            success: true;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/orders/forward-to-provider": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a pending (or re-send a needs_review) order to a provider through the forwarder */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        orderId: string;
                        providerId: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description why it is not at the provider (provider refusal) */
                            error: string | null;
                            jobId: string;
                            providerOrderId: string | null;
                            /** @enum {string} */
                            status: "pending" | "submitting" | "needs_review" | "processing" | "in_progress" | "completed" | "partial" | "canceled";
                            /** @enum {boolean} */
                            success: true;
                        };
                    };
                };
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            jobId: string;
                            providerOrderId: null;
                            /**
                             * @description still pending/submitting: the worker has not answered yet
                             * @enum {string}
                             */
                            status: "pending" | "submitting" | "needs_review" | "processing" | "in_progress" | "completed" | "partial" | "canceled";
                            /** @enum {boolean} */
                            success: true;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                502: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/orders/manual": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Place an order for a user, charged like any order; isManual, never auto-forwarded */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        adminNotes?: string;
                        comments?: string;
                        interval?: number;
                        link: string;
                        quantity: number;
                        runs?: number;
                        serviceId: string;
                        userId: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            currency: "BDT" | "USD";
                            orderId: string;
                            /** @enum {boolean} */
                            success: true;
                            /** @description exact decimal, 6 places */
                            totalCost: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                402: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/orders/sync-status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sync one order now, or every order at a provider through a (forced) sweep */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description without orderId: true (default) syncs all, false only due ones */
                        forceSync?: boolean;
                        orderId?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            changedOrders: number;
                            errors: {
                                message: string;
                                orderId: string;
                            }[];
                            jobId: string;
                            /** @enum {boolean} */
                            success: true;
                            syncedOrders: number;
                        };
                    };
                };
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            changedOrders: number;
                            errors: {
                                message: string;
                                orderId: string;
                            }[];
                            jobId: string;
                            /** @enum {boolean} */
                            pending: true;
                            /** @enum {boolean} */
                            success: true;
                            /** @description so far */
                            syncedOrders: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/payment-methods": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["AdminPaymentMethod"][];
                            nextCursor: null;
                            /** @enum {boolean} */
                            success: true;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Add a payment method (a wallet number or bank account customers send money to) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description the wallet number or bank details customers send to */
                        account: string;
                        /** @default true */
                        active?: boolean;
                        /** @enum {string} */
                        currency: "BDT" | "USD";
                        /** @default 0 */
                        feePercent?: string;
                        /**
                         * @description shown to customers as written
                         * @default
                         */
                        instructions?: string;
                        /** @enum {string} */
                        kind: "mobile_wallet" | "bank" | "other";
                        maxAmount: string;
                        minAmount: string;
                        name: string;
                        /** @default 0 */
                        sortOrder?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            paymentMethod: components["schemas"]["AdminPaymentMethod"];
                            /** @enum {boolean} */
                            success: true;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/payment-methods/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a payment method: archived, so past deposits keep it; pending ones can still be decided */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            pendingDeposits: boolean;
                            /** @enum {boolean} */
                            success: true;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Change a payment method; customers see the change at once */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description the wallet number or bank details customers send to */
                        account?: string;
                        active?: boolean;
                        /** @enum {string} */
                        currency?: "BDT" | "USD";
                        feePercent?: string;
                        /** @description shown to customers as written */
                        instructions?: string;
                        /** @enum {string} */
                        kind?: "mobile_wallet" | "bank" | "other";
                        maxAmount?: string;
                        minAmount?: string;
                        name?: string;
                        sortOrder?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            paymentMethod: components["schemas"]["AdminPaymentMethod"];
                            /** @enum {boolean} */
                            success: true;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/admin/providers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: {
                    /** @description only providers flagged (or not) for an admin */
                    flagged?: string;
                    status?: "active" | "inactive";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            providers: components["schemas"]["AdminProvider"][];
                            /** @enum {boolean} */
                            success: true;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        apiKey: string;
                        apiUrl: string;
                        isCustom?: boolean;
                        loginPass?: string | null;
                        loginUser?: string | null;
                        maxConcurrency?: number;
                        name: string;
                        rateToUsd?: string | null;
                        /** @enum {string} */
                        status?: "active" | "inactive";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            provider: components["schemas"]["AdminProvider"];
                            /** @enum {boolean} */
                            success: true;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/providers/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            provider: components["schemas"]["AdminProvider"];
                            /** @enum {boolean} */
                            success: true;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description false: it has services or orders, so it was made inactive instead */
                            deleted: boolean;
                            provider: components["schemas"]["AdminProvider"] | null;
                            /** @enum {boolean} */
                            success: true;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description replaces the key; omit to keep it */
                        apiKey?: string;
                        apiUrl?: string;
                        isCustom?: boolean;
                        /** @description null clears it */
                        loginPass?: string | null;
                        loginUser?: string | null;
                        maxConcurrency?: number;
                        name?: string;
                        /** @description null clears it */
                        rateToUsd?: string | null;
                        /** @enum {string} */
                        status?: "active" | "inactive";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            provider: components["schemas"]["AdminProvider"];
                            /** @enum {boolean} */
                            success: true;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/admin/providers/{id}/check": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Ask the provider for its balance; stores it and clears the provider's flag, sync backoff and circuit breaker */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description exact decimal, 6 places */
                            balance: string;
                            currency: string | null;
                            provider: components["schemas"]["AdminProvider"];
                            /** @enum {boolean} */
                            success: true;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                502: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/providers/{id}/import-services": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create/update services from the provider's `services` list; disable the ones it dropped */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description put every service here; else by provider category name */
                        categoryId?: string;
                        /** @description our price = provider rate × (1 + markup/100), stored as rateUSD */
                        markupPercent: number | string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            categoriesCreated: number;
                            created: number;
                            /** @description the provider's currency its rates were read in */
                            currency: string;
                            disabled: number;
                            /** @description entries of the provider list that could not be read */
                            skipped: number;
                            /** @description each entry kept out, with why */
                            skippedEntries: {
                                name: string | null;
                                reason: string;
                                service: string | null;
                            }[];
                            /** @enum {boolean} */
                            success: true;
                            /** @description services of a type the panel cannot send: imported inactive */
                            unsupported: {
                                name: string;
                                reason: string;
                                service: string;
                                type: string;
                            }[];
                            updated: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                502: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/services": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: {
                    categoryId?: string;
                    /** @description nextCursor of the previous page */
                    cursor?: string;
                    limit?: number;
                    mode?: "auto" | "manual";
                    providerId?: string;
                    /** @description name substring */
                    search?: string;
                    status?: "active" | "inactive";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            nextCursor: string | null;
                            services: components["schemas"]["AdminService"][];
                            /** @enum {boolean} */
                            success: true;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        cancel?: boolean;
                        categoryId: string;
                        description?: string | null;
                        dripfeed?: boolean;
                        maxOrder: number;
                        minOrder: number;
                        /** @enum {string} */
                        mode: "auto" | "manual";
                        name: string;
                        /** @description default: true when rate or rateUSD is set by hand */
                        priceLocked?: boolean;
                        providerId?: string | null;
                        providerRate?: string | null;
                        providerServiceId?: string | null;
                        rate?: string | null;
                        rateUSD?: string | null;
                        refill?: boolean;
                        /** @enum {string} */
                        status?: "active" | "inactive";
                        type?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            service: components["schemas"]["AdminService"];
                            /** @enum {boolean} */
                            success: true;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/services/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            service: components["schemas"]["AdminService"];
                            /** @enum {boolean} */
                            success: true;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description false: orders use it, so it was made inactive */
                            deleted: boolean;
                            /** @enum {boolean} */
                            success: true;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        cancel?: boolean;
                        categoryId?: string;
                        description?: string | null;
                        dripfeed?: boolean;
                        /** @description instead of rate/rateUSD (not with them): our price = the service's providerRate × (1 + markup/100), as imports price it (the BDT rate, if any, keeps its ratio); sets priceLocked */
                        markupPercent?: number | string;
                        maxOrder?: number;
                        minOrder?: number;
                        /** @enum {string} */
                        mode?: "auto" | "manual";
                        name?: string;
                        /** @description default: true when rate or rateUSD is set by hand */
                        priceLocked?: boolean;
                        providerId?: string | null;
                        providerRate?: string | null;
                        providerServiceId?: string | null;
                        rate?: string | null;
                        rateUSD?: string | null;
                        refill?: boolean;
                        /** @enum {string} */
                        status?: "active" | "inactive";
                        type?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            service: components["schemas"]["AdminService"];
                            /** @enum {boolean} */
                            success: true;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/admin/services/bulk-status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Turn many services on or off; each is checked as its own PATCH would be */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        ids: string[];
                        /** @enum {string} */
                        status: "active" | "inactive";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description ids now in the asked status */
                            changed: string[];
                            refused: {
                                id: string;
                                message: string;
                            }[];
                            /** @enum {boolean} */
                            success: true;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/sync/overview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Status sync at a glance: lag, due and live orders, last and next sweep */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description orders at a provider whose status check is due */
                            dueOrders: number;
                            /** @description age of the oldest due status check (0 when none is due) */
                            lagSeconds: number;
                            /** @description the latest status check of an order still live at a provider */
                            lastStatusCheckAt: string | null;
                            /** @description when the last status sweep finished (null: none kept, or Redis down) */
                            lastSweepAt: string | null;
                            /** @description orders processing or in progress at a provider */
                            liveOrders: number;
                            /** @description the sweep scheduler's next run (null: not scheduled, or Redis down) */
                            nextSweepAt: string | null;
                            /** @enum {boolean} */
                            success: true;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: {
                    /** @description nextCursor of the previous page */
                    cursor?: string;
                    /** @description email substring */
                    email?: string;
                    limit?: number;
                    role?: "user" | "admin";
                    /** @description email or name substring, case-insensitive */
                    search?: string;
                    status?: "active" | "suspended";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            nextCursor: string | null;
                            /** @enum {boolean} */
                            success: true;
                            users: {
                                /** @description exact decimal, 6 places */
                                balance: string;
                                createdAt: string;
                                /** @enum {string} */
                                currency: "BDT" | "USD";
                                /** @description exact decimal, 6 places */
                                dollarRate: string;
                                email: string;
                                hasApiKey: boolean;
                                id: string;
                                name: string;
                                /** @enum {string} */
                                role: "user" | "admin";
                                /** @enum {string} */
                                status: "active" | "suspended";
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Suspend/activate a user, change their role, dollar rate or currency (effective within seconds) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @description only while the balance is zero
                         * @enum {string}
                         */
                        currency?: "BDT" | "USD";
                        /** @description BDT per USD for this user */
                        dollarRate?: string;
                        /** @enum {string} */
                        role?: "user" | "admin";
                        /** @enum {string} */
                        status?: "active" | "suspended";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: true;
                            user: {
                                /** @description exact decimal, 6 places */
                                balance: string;
                                createdAt: string;
                                /** @enum {string} */
                                currency: "BDT" | "USD";
                                /** @description exact decimal, 6 places */
                                dollarRate: string;
                                email: string;
                                hasApiKey: boolean;
                                id: string;
                                name: string;
                                /** @enum {string} */
                                role: "user" | "admin";
                                /** @enum {string} */
                                status: "active" | "suspended";
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/admin/users/{id}/balance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Adjust a user's balance (a ledger row); never below zero */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description signed, in the user's currency */
                        amount: string;
                        /**
                         * @description deposit: money the user paid in
                         * @default adjustment
                         * @enum {string}
                         */
                        kind?: "adjustment" | "deposit";
                        note: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description exact decimal, 6 places */
                            amount: string;
                            /** @description exact decimal, 6 places */
                            balance: string;
                            /** @enum {string} */
                            currency: "BDT" | "USD";
                            /** @enum {boolean} */
                            success: true;
                            userId: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/users/{id}/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Set a user's password (a customer locked out of their account); the old one stops working */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        password: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: true;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/users/{id}/transactions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A user's ledger, newest first, as the user sees it */
        get: {
            parameters: {
                query?: {
                    /** @description nextCursor of the previous page */
                    cursor?: string;
                    /** @description at or after */
                    from?: string;
                    kind?: "charge" | "refund" | "deposit" | "adjustment";
                    limit?: number;
                    /** @description before */
                    to?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Transaction"][];
                            nextCursor: string | null;
                            /** @enum {boolean} */
                            success: true;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/config": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What the sign-in pages need to know: whether registration is open, the password rule */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AuthConfig"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        email: string;
                        password: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: true;
                            token: string;
                            user: components["schemas"]["User"];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: true;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/register": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        currency?: "BDT" | "USD";
                        /** Format: email */
                        email: string;
                        name: string;
                        password: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: true;
                            token: string;
                            user: components["schemas"]["User"];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/user/api-key": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Rotate the reseller API key (shown once; the old key stops working) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            apiKey: string;
                            /** @enum {boolean} */
                            success: true;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/user/create-orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Place one order, or a mass order of up to 100 lines (all or nothing) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        categoryId: string;
                        comments?: string;
                        interval?: number;
                        link: string;
                        qty: number;
                        runs?: number;
                        serviceId: string;
                    } | {
                        orders: {
                            categoryId: string;
                            comments?: string;
                            interval?: number;
                            link: string;
                            qty: number;
                            runs?: number;
                            serviceId: string;
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CreateOrdersReply"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                402: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/user/deposits": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: {
                    /** @description nextCursor of the previous page */
                    cursor?: string;
                    limit?: number;
                    status?: "pending" | "approved" | "rejected";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Deposit"][];
                            nextCursor: string | null;
                            /** @enum {boolean} */
                            success: true;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Tell the panel you sent money: pending until an admin approves it */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description in the method's currency */
                        amount: string;
                        methodId: string;
                        note?: string;
                        /** @description the number or account the money came from */
                        senderNumber?: string;
                        transactionId: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            deposit: components["schemas"]["Deposit"];
                            /** @enum {boolean} */
                            success: true;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/user/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: true;
                            user: {
                                /** @description exact decimal, 6 places */
                                balance: string;
                                /** @description ISO 8601, UTC, microseconds */
                                createdAt: string;
                                /** @enum {string} */
                                currency: "BDT" | "USD";
                                /** @description exact decimal, 6 places */
                                dollarRate: string;
                                email: string;
                                hasApiKey: boolean;
                                id: string;
                                name: string;
                                /** @enum {string} */
                                role: "user" | "admin";
                                /** @enum {string} */
                                status: "active" | "suspended";
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/user/orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: {
                    /** @description nextCursor of the previous page */
                    cursor?: string;
                    /** @description created at or after */
                    from?: string;
                    limit?: number;
                    /** @description an order number (exact), or a piece of the link (any case) */
                    search?: string;
                    serviceId?: string;
                    /** @description a status as customers see it: pending also covers orders being sent or in review */
                    status?: "pending" | "processing" | "in_progress" | "completed" | "partial" | "canceled";
                    /** @description created before */
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description orders per customer status under the same filters, status aside; every status present */
                            counts: {
                                [key: string]: number;
                            };
                            nextCursor: string | null;
                            orders: components["schemas"]["Order"][];
                            /** @enum {boolean} */
                            success: true;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/user/orders/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description the order id, or its number (23501) */
                    id: string | number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            order: components["schemas"]["Order"];
                            /** @enum {boolean} */
                            success: true;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/user/orders/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel an order: one not yet sent is canceled and refunded at once (200); one at a provider of a cancel service gets a cancel request (202), refunded when the provider confirms */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            currency: "BDT" | "USD";
                            /** @description exact decimal, 6 places */
                            refunded: string;
                            /** @enum {string} */
                            status: "canceled";
                            /** @enum {boolean} */
                            success: true;
                        };
                    };
                };
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "cancel_requested";
                            /** @enum {boolean} */
                            success: true;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/user/orders/{id}/refill": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Ask the provider to refill a completed/partial order of a refill service */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            refillId: string;
                            /** @enum {string} */
                            status: "pending";
                            /** @enum {boolean} */
                            success: true;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/user/orders/{id}/timeline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An order's history in the customer's words: placed, processing, status changes, refunds, cancel and refill requests */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description the order id, or its number (23501) */
                    id: string | number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["OrderTimeline"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/user/orders/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A text/event-stream of `order` events: the current state of each watched order at once, then each change */
        get: {
            parameters: {
                query: {
                    /** @description comma-separated order ids (at most 200) to watch */
                    ids: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description text/event-stream: `event: order`, data an Order */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": unknown;
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/user/orders/live": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The current state of watched orders: the polling twin of the event stream */
        get: {
            parameters: {
                query: {
                    /** @description comma-separated order ids (at most 200) to watch */
                    ids: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            orders: components["schemas"]["Order"][];
                            /** @enum {boolean} */
                            success: true;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/user/orders/quote": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** What an order (or a mass order) would cost now, priced exactly as create-orders will; nothing is written */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        categoryId: string;
                        comments?: string;
                        interval?: number;
                        link: string;
                        qty: number;
                        runs?: number;
                        serviceId: string;
                    } | {
                        orders: {
                            categoryId: string;
                            comments?: string;
                            interval?: number;
                            link: string;
                            qty: number;
                            runs?: number;
                            serviceId: string;
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Quote"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/user/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Change the password: the current one must be right (a wrong one counts as a failed login); the session stays */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        currentPassword: string;
                        newPassword: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: true;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/user/payment-methods": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Where to send money: the active payment methods with their instructions and limits */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["PaymentMethod"][];
                            nextCursor: null;
                            /** @enum {boolean} */
                            success: true;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/user/services": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            currency: "BDT" | "USD";
                            services: components["schemas"]["ServiceListing"][];
                            /** @enum {boolean} */
                            success: true;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/user/transactions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every balance change, newest first: charges, refunds, deposits, adjustments */
        get: {
            parameters: {
                query?: {
                    /** @description nextCursor of the previous page */
                    cursor?: string;
                    /** @description at or after */
                    from?: string;
                    kind?: "charge" | "refund" | "deposit" | "adjustment";
                    limit?: number;
                    /** @description before */
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Transaction"][];
                            nextCursor: string | null;
                            /** @enum {boolean} */
                            success: true;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** SMM API v2: key + action, by GET query string or POST (form, multipart, JSON, or query string) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        /** SMM API v2: key + action, by GET query string or POST (form, multipart, JSON, or query string) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "ok";
                            /** @enum {boolean} */
                            success: true;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/readyz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            postgres: "ok" | "down";
                            /** @enum {string} */
                            redis: "ok" | "down";
                            success: boolean;
                        };
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            postgres: "ok" | "down";
                            /** @enum {string} */
                            redis: "ok" | "down";
                            success: boolean;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        ActivityEntry: {
            action: string;
            actorId: string | null;
            /** @description ISO 8601, UTC */
            createdAt: string;
            id: string;
            message: string | null;
            orderId: string | null;
            providerId: string | null;
            providerOrderId: string | null;
            providerResponse: unknown;
            userId: string | null;
        };
        ActivityEntryInput: {
            action: string;
            actorId: string | null;
            /** @description ISO 8601, UTC */
            createdAt: string;
            id: string;
            message: string | null;
            orderId: string | null;
            providerId: string | null;
            providerOrderId: string | null;
            providerResponse: unknown;
            userId: string | null;
        };
        AdminCategory: {
            createdAt: string;
            description: string | null;
            id: string;
            name: string;
            servicesCount: number;
            sortOrder: number;
            /** @enum {string} */
            status: "active" | "inactive";
        };
        AdminCategoryInput: {
            createdAt: string;
            description: string | null;
            id: string;
            name: string;
            servicesCount: number;
            sortOrder: number;
            /** @enum {string} */
            status: "active" | "inactive";
        };
        AdminDeposit: {
            /** @description what the customer says they sent, in the method's currency */
            amount: string;
            /** @description what the admin found, in the method's currency */
            approvedAmount: string | null;
            /** @description ISO 8601, UTC, microseconds */
            createdAt: string;
            /** @description what reached the balance, in creditedCurrency */
            creditedAmount: string | null;
            /**
             * @description the user's currency
             * @enum {string}
             */
            creditedCurrency: "BDT" | "USD";
            /**
             * @description the method's currency
             * @enum {string}
             */
            currency: "BDT" | "USD";
            decidedAt: string | null;
            decidedBy: string | null;
            feeAmount: string | null;
            id: string;
            methodId: string;
            /** @enum {string} */
            methodKind: "mobile_wallet" | "bank" | "other";
            methodName: string;
            note: string | null;
            rejectReason: string | null;
            senderNumber: string | null;
            /** @enum {string} */
            status: "pending" | "approved" | "rejected";
            transactionId: string;
            userEmail: string;
            userId: string;
            userName: string;
        };
        AdminDepositInput: {
            /** @description what the customer says they sent, in the method's currency */
            amount: string;
            /** @description what the admin found, in the method's currency */
            approvedAmount: string | null;
            /** @description ISO 8601, UTC, microseconds */
            createdAt: string;
            /** @description what reached the balance, in creditedCurrency */
            creditedAmount: string | null;
            /**
             * @description the user's currency
             * @enum {string}
             */
            creditedCurrency: "BDT" | "USD";
            /**
             * @description the method's currency
             * @enum {string}
             */
            currency: "BDT" | "USD";
            decidedAt: string | null;
            decidedBy: string | null;
            feeAmount: string | null;
            id: string;
            methodId: string;
            /** @enum {string} */
            methodKind: "mobile_wallet" | "bank" | "other";
            methodName: string;
            note: string | null;
            rejectReason: string | null;
            senderNumber: string | null;
            /** @enum {string} */
            status: "pending" | "approved" | "rejected";
            transactionId: string;
            userEmail: string;
            userId: string;
            userName: string;
        };
        AdminOrder: {
            adminNotes: string | null;
            /** @description exact decimal, 6 places */
            bdtPrice: string;
            categoryId: string;
            completedAt: string | null;
            /** @description ISO 8601, UTC, microseconds */
            createdAt: string;
            /** @enum {string} */
            currency: "BDT" | "USD";
            forwardRound: number;
            id: string;
            isManual: boolean;
            lastError: string | null;
            lastStatusCheck: string | null;
            link: string;
            nextStatusCheck: string | null;
            /** @description the order number customers quote (#23501) */
            number: number;
            /** @description exact decimal, 6 places */
            price: string;
            providerCharge: string | null;
            providerCurrency: string | null;
            providerId: string | null;
            providerName: string | null;
            providerOrderId: string | null;
            providerStatus: string | null;
            quantity: number;
            /** @description Σ refunds given for this order */
            refunded: string;
            remains: number | null;
            /** @description why the order is in needs_review: which decision is asked for */
            reviewKind: ("sent_no_answer" | "ambiguous_reply" | "duplicate_provider_id" | "unknown_refusal" | "worker_died" | "settle_refund" | "sync_errors") | null;
            /** @description the provider's service number the order was last sent as */
            sentServiceId: string | null;
            serviceId: string;
            /** @enum {string} */
            serviceMode: "auto" | "manual";
            serviceName: string;
            /** @description what was sold, fixed at intake */
            serviceType: string;
            /** @description refusals whose words no rule knows */
            softRejections: number;
            startCount: number | null;
            /** @enum {string} */
            status: "pending" | "submitting" | "needs_review" | "processing" | "in_progress" | "completed" | "partial" | "canceled";
            submitAttempts: number;
            /** @description per-order errors in a row in status replies */
            syncErrors: number;
            /** @description what the order delivers in total (quantity × runs) */
            units: number;
            /** @description ISO 8601, UTC, microseconds */
            updatedAt: string;
            /** @description exact decimal, 6 places */
            usdPrice: string;
            userEmail: string;
            userId: string;
        };
        AdminOrderInput: {
            adminNotes: string | null;
            /** @description exact decimal, 6 places */
            bdtPrice: string;
            categoryId: string;
            completedAt: string | null;
            /** @description ISO 8601, UTC, microseconds */
            createdAt: string;
            /** @enum {string} */
            currency: "BDT" | "USD";
            forwardRound: number;
            id: string;
            isManual: boolean;
            lastError: string | null;
            lastStatusCheck: string | null;
            link: string;
            nextStatusCheck: string | null;
            /** @description the order number customers quote (#23501) */
            number: number;
            /** @description exact decimal, 6 places */
            price: string;
            providerCharge: string | null;
            providerCurrency: string | null;
            providerId: string | null;
            providerName: string | null;
            providerOrderId: string | null;
            providerStatus: string | null;
            quantity: number;
            /** @description Σ refunds given for this order */
            refunded: string;
            remains: number | null;
            /** @description why the order is in needs_review: which decision is asked for */
            reviewKind: ("sent_no_answer" | "ambiguous_reply" | "duplicate_provider_id" | "unknown_refusal" | "worker_died" | "settle_refund" | "sync_errors") | null;
            /** @description the provider's service number the order was last sent as */
            sentServiceId: string | null;
            serviceId: string;
            /** @enum {string} */
            serviceMode: "auto" | "manual";
            serviceName: string;
            /** @description what was sold, fixed at intake */
            serviceType: string;
            /** @description refusals whose words no rule knows */
            softRejections: number;
            startCount: number | null;
            /** @enum {string} */
            status: "pending" | "submitting" | "needs_review" | "processing" | "in_progress" | "completed" | "partial" | "canceled";
            submitAttempts: number;
            /** @description per-order errors in a row in status replies */
            syncErrors: number;
            /** @description what the order delivers in total (quantity × runs) */
            units: number;
            /** @description ISO 8601, UTC, microseconds */
            updatedAt: string;
            /** @description exact decimal, 6 places */
            usdPrice: string;
            userEmail: string;
            userId: string;
        };
        AdminPaymentMethod: {
            /** @description where to send the money: a wallet number or bank details */
            account: string;
            active: boolean;
            /** @description ISO 8601, UTC, microseconds */
            createdAt: string;
            /** @enum {string} */
            currency: "BDT" | "USD";
            /** @description kept by the panel from each deposit, e.g. "1.50" */
            feePercent: string;
            id: string;
            instructions: string;
            /** @enum {string} */
            kind: "mobile_wallet" | "bank" | "other";
            /** @description exact decimal, 6 places */
            maxAmount: string;
            /** @description exact decimal, 6 places */
            minAmount: string;
            name: string;
            sortOrder: number;
            /** @description ISO 8601, UTC, microseconds */
            updatedAt: string;
        };
        AdminPaymentMethodInput: {
            /** @description where to send the money: a wallet number or bank details */
            account: string;
            active: boolean;
            /** @description ISO 8601, UTC, microseconds */
            createdAt: string;
            /** @enum {string} */
            currency: "BDT" | "USD";
            /** @description kept by the panel from each deposit, e.g. "1.50" */
            feePercent: string;
            id: string;
            instructions: string;
            /** @enum {string} */
            kind: "mobile_wallet" | "bank" | "other";
            /** @description exact decimal, 6 places */
            maxAmount: string;
            /** @description exact decimal, 6 places */
            minAmount: string;
            name: string;
            sortOrder: number;
            /** @description ISO 8601, UTC, microseconds */
            updatedAt: string;
        };
        AdminProvider: {
            /** @description add calls in a row sent with no answer */
            ambiguousStreak: number;
            /** @description null when the stored key cannot be decrypted */
            apiKeyMasked: string | null;
            apiUrl: string;
            /** @description circuit open: no new orders until then (then one probe); a check closes it */
            breakerOpenUntil: string | null;
            /** @description ISO 8601, UTC */
            createdAt: string;
            flaggedAt: string | null;
            flagReason: string | null;
            id: string;
            isCustom: boolean;
            kind: string;
            lastBalance: string | null;
            lastBalanceAt: string | null;
            lastBalanceCurrency: string | null;
            loginPassSet: boolean;
            loginUser: string | null;
            maxConcurrency: number;
            name: string;
            /** @description orders pending, submitting, in review or live at this provider */
            openOrders: number;
            /** @description USD per one unit of the provider's currency; needed to import from a provider not billing in USD */
            rateToUsd: string | null;
            servicesCount: number;
            /** @enum {string} */
            status: "active" | "inactive";
            syncBackoffUntil: string | null;
            syncFailures: number;
            /** @description ISO 8601, UTC */
            updatedAt: string;
        };
        AdminProviderInput: {
            /** @description add calls in a row sent with no answer */
            ambiguousStreak: number;
            /** @description null when the stored key cannot be decrypted */
            apiKeyMasked: string | null;
            apiUrl: string;
            /** @description circuit open: no new orders until then (then one probe); a check closes it */
            breakerOpenUntil: string | null;
            /** @description ISO 8601, UTC */
            createdAt: string;
            flaggedAt: string | null;
            flagReason: string | null;
            id: string;
            isCustom: boolean;
            kind: string;
            lastBalance: string | null;
            lastBalanceAt: string | null;
            lastBalanceCurrency: string | null;
            loginPassSet: boolean;
            loginUser: string | null;
            maxConcurrency: number;
            name: string;
            /** @description orders pending, submitting, in review or live at this provider */
            openOrders: number;
            /** @description USD per one unit of the provider's currency; needed to import from a provider not billing in USD */
            rateToUsd: string | null;
            servicesCount: number;
            /** @enum {string} */
            status: "active" | "inactive";
            syncBackoffUntil: string | null;
            syncFailures: number;
            /** @description ISO 8601, UTC */
            updatedAt: string;
        };
        AdminService: {
            cancel: boolean;
            categoryId: string;
            categoryName: string;
            createdAt: string;
            description: string | null;
            /** @description an admin turned it off: re-imports never turn it back on */
            disabledByAdmin: boolean;
            dripfeed: boolean;
            id: string;
            maxOrder: number;
            minOrder: number;
            /** @enum {string} */
            mode: "auto" | "manual";
            name: string;
            /** @description an admin set the price: re-imports leave rate and rateUSD alone */
            priceLocked: boolean;
            providerId: string | null;
            providerName: string | null;
            providerRate: string | null;
            providerServiceId: string | null;
            /** @description BDT per 1000 (Package: per order) */
            rate: string | null;
            /** @description USD per 1000 (Package: per order) */
            rateUSD: string | null;
            refill: boolean;
            /** @enum {string} */
            status: "active" | "inactive";
            /** @description why an inactive service is inactive */
            statusReason: string | null;
            type: string;
            updatedAt: string;
        };
        AdminServiceInput: {
            cancel: boolean;
            categoryId: string;
            categoryName: string;
            createdAt: string;
            description: string | null;
            /** @description an admin turned it off: re-imports never turn it back on */
            disabledByAdmin: boolean;
            dripfeed: boolean;
            id: string;
            maxOrder: number;
            minOrder: number;
            /** @enum {string} */
            mode: "auto" | "manual";
            name: string;
            /** @description an admin set the price: re-imports leave rate and rateUSD alone */
            priceLocked: boolean;
            providerId: string | null;
            providerName: string | null;
            providerRate: string | null;
            providerServiceId: string | null;
            /** @description BDT per 1000 (Package: per order) */
            rate: string | null;
            /** @description USD per 1000 (Package: per order) */
            rateUSD: string | null;
            refill: boolean;
            /** @enum {string} */
            status: "active" | "inactive";
            /** @description why an inactive service is inactive */
            statusReason: string | null;
            type: string;
            updatedAt: string;
        };
        AuthConfig: {
            /** @description the shortest password register and a change accept */
            passwordMinLength: number;
            /** @description POST /api/auth/register is open (ALLOW_REGISTRATION) */
            registration: boolean;
            /** @constant */
            success: true;
        };
        AuthConfigInput: {
            /** @description the shortest password register and a change accept */
            passwordMinLength: number;
            /** @description POST /api/auth/register is open (ALLOW_REGISTRATION) */
            registration: boolean;
            /** @constant */
            success: true;
        };
        CreateOrdersReply: {
            /** @enum {string} */
            currency: "BDT" | "USD";
            orderIds: string[];
            orderNumbers: number[];
            ordersCreated: number;
            /** @constant */
            success: true;
            /** @description exact decimal, 6 places */
            totalCost: string;
        };
        CreateOrdersReplyInput: {
            /** @enum {string} */
            currency: "BDT" | "USD";
            orderIds: string[];
            orderNumbers: number[];
            ordersCreated: number;
            /** @constant */
            success: true;
            /** @description exact decimal, 6 places */
            totalCost: string;
        };
        Deposit: {
            /** @description what the customer says they sent, in the method's currency */
            amount: string;
            /** @description what the admin found, in the method's currency */
            approvedAmount: string | null;
            /** @description ISO 8601, UTC, microseconds */
            createdAt: string;
            /** @description what reached the balance, in creditedCurrency */
            creditedAmount: string | null;
            /**
             * @description the user's currency
             * @enum {string}
             */
            creditedCurrency: "BDT" | "USD";
            /**
             * @description the method's currency
             * @enum {string}
             */
            currency: "BDT" | "USD";
            decidedAt: string | null;
            feeAmount: string | null;
            id: string;
            methodId: string;
            /** @enum {string} */
            methodKind: "mobile_wallet" | "bank" | "other";
            methodName: string;
            note: string | null;
            rejectReason: string | null;
            senderNumber: string | null;
            /** @enum {string} */
            status: "pending" | "approved" | "rejected";
            transactionId: string;
        };
        DepositInput: {
            /** @description what the customer says they sent, in the method's currency */
            amount: string;
            /** @description what the admin found, in the method's currency */
            approvedAmount: string | null;
            /** @description ISO 8601, UTC, microseconds */
            createdAt: string;
            /** @description what reached the balance, in creditedCurrency */
            creditedAmount: string | null;
            /**
             * @description the user's currency
             * @enum {string}
             */
            creditedCurrency: "BDT" | "USD";
            /**
             * @description the method's currency
             * @enum {string}
             */
            currency: "BDT" | "USD";
            decidedAt: string | null;
            feeAmount: string | null;
            id: string;
            methodId: string;
            /** @enum {string} */
            methodKind: "mobile_wallet" | "bank" | "other";
            methodName: string;
            note: string | null;
            rejectReason: string | null;
            senderNumber: string | null;
            /** @enum {string} */
            status: "pending" | "approved" | "rejected";
            transactionId: string;
        };
        Error: {
            error: {
                code: string;
                details: unknown;
                message: string;
            };
            /** @constant */
            success: false;
        };
        ErrorInput: {
            error: {
                code: string;
                details: unknown;
                message: string;
            };
            /** @constant */
            success: false;
        };
        Order: {
            /** @description a cancel request at the provider: pending, submitting, sent, rejected, needs_review */
            cancelStatus: string | null;
            categoryId: string;
            /** @description Custom Comments orders: one comment per line */
            comments: string | null;
            completedAt: string | null;
            /** @description ISO 8601, UTC, microseconds */
            createdAt: string;
            /** @enum {string} */
            currency: "BDT" | "USD";
            id: string;
            /** @description drip-feed minutes between runs */
            interval: number | null;
            link: string;
            /** @description the order number customers quote (#23501) */
            number: number;
            /** @description exact decimal, 6 places */
            price: string;
            providerStatus: string | null;
            /** @description per run for drip-feed orders */
            quantity: number;
            remains: number | null;
            /** @description drip-feed runs; the order delivers quantity × runs */
            runs: number | null;
            serviceId: string;
            startCount: number | null;
            /** @enum {string} */
            status: "pending" | "submitting" | "needs_review" | "processing" | "in_progress" | "completed" | "partial" | "canceled";
            /** @description ISO 8601, UTC, microseconds */
            updatedAt: string;
        };
        OrderInput: {
            /** @description a cancel request at the provider: pending, submitting, sent, rejected, needs_review */
            cancelStatus: string | null;
            categoryId: string;
            /** @description Custom Comments orders: one comment per line */
            comments: string | null;
            completedAt: string | null;
            /** @description ISO 8601, UTC, microseconds */
            createdAt: string;
            /** @enum {string} */
            currency: "BDT" | "USD";
            id: string;
            /** @description drip-feed minutes between runs */
            interval: number | null;
            link: string;
            /** @description the order number customers quote (#23501) */
            number: number;
            /** @description exact decimal, 6 places */
            price: string;
            providerStatus: string | null;
            /** @description per run for drip-feed orders */
            quantity: number;
            remains: number | null;
            /** @description drip-feed runs; the order delivers quantity × runs */
            runs: number | null;
            serviceId: string;
            startCount: number | null;
            /** @enum {string} */
            status: "pending" | "submitting" | "needs_review" | "processing" | "in_progress" | "completed" | "partial" | "canceled";
            /** @description ISO 8601, UTC, microseconds */
            updatedAt: string;
        };
        OrderTimeline: {
            /** @enum {string} */
            currency: "BDT" | "USD";
            events: {
                /** @description money given back by this step */
                amount: string | null;
                /** @description ISO 8601, UTC, microseconds */
                at: string;
                /**
                 * @description the order's status (the customer's word) after this step
                 * @enum {string}
                 */
                status: "pending" | "processing" | "in_progress" | "completed" | "partial" | "canceled";
                text: string;
            }[];
            refills: {
                /** @description ISO 8601, UTC, microseconds */
                createdAt: string;
                /** @description the refill number (the reseller API `refill`) */
                number: number;
                /** @enum {string} */
                status: "pending" | "in_progress" | "completed" | "rejected";
            }[];
            /** @description money given back for this order so far */
            refunded: string;
            /** @constant */
            success: true;
        };
        OrderTimelineInput: {
            /** @enum {string} */
            currency: "BDT" | "USD";
            events: {
                /** @description money given back by this step */
                amount: string | null;
                /** @description ISO 8601, UTC, microseconds */
                at: string;
                /**
                 * @description the order's status (the customer's word) after this step
                 * @enum {string}
                 */
                status: "pending" | "processing" | "in_progress" | "completed" | "partial" | "canceled";
                text: string;
            }[];
            refills: {
                /** @description ISO 8601, UTC, microseconds */
                createdAt: string;
                /** @description the refill number (the reseller API `refill`) */
                number: number;
                /** @enum {string} */
                status: "pending" | "in_progress" | "completed" | "rejected";
            }[];
            /** @description money given back for this order so far */
            refunded: string;
            /** @constant */
            success: true;
        };
        PaymentMethod: {
            /** @description where to send the money: a wallet number or bank details */
            account: string;
            /** @enum {string} */
            currency: "BDT" | "USD";
            /** @description kept by the panel from each deposit, e.g. "1.50" */
            feePercent: string;
            id: string;
            instructions: string;
            /** @enum {string} */
            kind: "mobile_wallet" | "bank" | "other";
            /** @description exact decimal, 6 places */
            maxAmount: string;
            /** @description exact decimal, 6 places */
            minAmount: string;
            name: string;
        };
        PaymentMethodInput: {
            /** @description where to send the money: a wallet number or bank details */
            account: string;
            /** @enum {string} */
            currency: "BDT" | "USD";
            /** @description kept by the panel from each deposit, e.g. "1.50" */
            feePercent: string;
            id: string;
            instructions: string;
            /** @enum {string} */
            kind: "mobile_wallet" | "bank" | "other";
            /** @description exact decimal, 6 places */
            maxAmount: string;
            /** @description exact decimal, 6 places */
            minAmount: string;
            name: string;
        };
        Quote: {
            /** @enum {string} */
            currency: "BDT" | "USD";
            lines: {
                /** @description exact decimal, 6 places */
                price: string;
                serviceId: string;
                /** @description what the line delivers (quantity × runs) */
                units: number;
            }[];
            /** @constant */
            success: true;
            /** @description exact decimal, 6 places */
            totalCost: string;
        };
        QuoteInput: {
            /** @enum {string} */
            currency: "BDT" | "USD";
            lines: {
                /** @description exact decimal, 6 places */
                price: string;
                serviceId: string;
                /** @description what the line delivers (quantity × runs) */
                units: number;
            }[];
            /** @constant */
            success: true;
            /** @description exact decimal, 6 places */
            totalCost: string;
        };
        ServiceListing: {
            /** @description the mean time from order to completion over the orders completed in the last 30 days, in seconds; null when none */
            avgCompletionSeconds: number | null;
            cancel: boolean;
            categoryId: string;
            categoryName: string;
            description: string | null;
            dripfeed: boolean;
            id: string;
            max: number;
            min: number;
            name: string;
            /** @description the public service number (the reseller API `service`) */
            number: number;
            /** @description in the caller currency; Package services: per order */
            ratePer1000: string;
            refill: boolean;
            type: string;
        };
        ServiceListingInput: {
            /** @description the mean time from order to completion over the orders completed in the last 30 days, in seconds; null when none */
            avgCompletionSeconds: number | null;
            cancel: boolean;
            categoryId: string;
            categoryName: string;
            description: string | null;
            dripfeed: boolean;
            id: string;
            max: number;
            min: number;
            name: string;
            /** @description the public service number (the reseller API `service`) */
            number: number;
            /** @description in the caller currency; Package services: per order */
            ratePer1000: string;
            refill: boolean;
            type: string;
        };
        Transaction: {
            /** @description signed: charges are negative */
            amount: string;
            /** @description exact decimal, 6 places */
            balanceAfter: string;
            /** @description ISO 8601, UTC, microseconds */
            createdAt: string;
            /** @enum {string} */
            currency: "BDT" | "USD";
            depositId: string | null;
            depositTransactionId: string | null;
            id: string;
            /** @enum {string} */
            kind: "charge" | "refund" | "deposit" | "adjustment";
            note: string | null;
            orderId: string | null;
            /** @description the order it belongs to, as customers quote it */
            orderNumber: number | null;
        };
        TransactionInput: {
            /** @description signed: charges are negative */
            amount: string;
            /** @description exact decimal, 6 places */
            balanceAfter: string;
            /** @description ISO 8601, UTC, microseconds */
            createdAt: string;
            /** @enum {string} */
            currency: "BDT" | "USD";
            depositId: string | null;
            depositTransactionId: string | null;
            id: string;
            /** @enum {string} */
            kind: "charge" | "refund" | "deposit" | "adjustment";
            note: string | null;
            orderId: string | null;
            /** @description the order it belongs to, as customers quote it */
            orderNumber: number | null;
        };
        User: {
            /** @description exact decimal, 6 places */
            balance: string;
            /** @enum {string} */
            currency: "BDT" | "USD";
            email: string;
            id: string;
            name: string;
            /** @enum {string} */
            role: "user" | "admin";
        };
        UserInput: {
            /** @description exact decimal, 6 places */
            balance: string;
            /** @enum {string} */
            currency: "BDT" | "USD";
            email: string;
            id: string;
            name: string;
            /** @enum {string} */
            role: "user" | "admin";
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
