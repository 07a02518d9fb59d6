package dev.restock.wmsbridge;

import java.io.IOException;
import java.util.List;

/**
 * What the bridge needs from a warehouse management system. To connect a real WMS, implement
 * this against its API (or change {@link HttpWmsClient}); nothing else in the bridge knows the WMS.
 */
interface Wms {

    /**
     * Creates the order in the WMS and returns the WMS's id for it. The idempotency key is
     * Restock's order id: the WMS must answer a repeated key with the id it gave the first time
     * instead of creating a second order. This is what makes forwarding twice harmless.
     */
    String createOrder(String idempotencyKey, WmsOrder order) throws IOException;

    /** Receipts the WMS recorded after the given sequence number, oldest first. */
    List<Receipt> receiptsAfter(long sequence) throws IOException;
}
