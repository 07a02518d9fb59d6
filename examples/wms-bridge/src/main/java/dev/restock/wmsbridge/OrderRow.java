package dev.restock.wmsbridge;

import java.math.BigDecimal;

/** One line of a stock order as it stands in the connection table (the columns the WMS needs). */
record OrderRow(
        String orderId,
        String reference,
        String type,
        String warehouse,
        String vendor,
        String sourceWarehouse,
        String lineItemId,
        String sku,
        String title,
        BigDecimal quantity) {}
