package dev.restock.orders;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A stock order's header as Restock holds it. */
public record StockOrder(
        UUID id,
        String reference,
        OrderType type,
        String status,
        StatusType statusType,
        long warehouseId,
        Long vendorId,
        Long sourceWarehouseId,
        String currency,
        Instant createdAt,
        LocalDate expectedDate,
        SaveState saveState,
        String savedTo,
        Instant savedAt,
        UUID pushAttemptId,
        String lastError,
        String externalId) {

    public boolean readOnly() {
        return saveState.readOnly();
    }
}
