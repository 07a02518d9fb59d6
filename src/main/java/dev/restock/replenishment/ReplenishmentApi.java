package dev.restock.replenishment;

import dev.restock.replenishment.ReplenishmentSnapshots.Stored;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/replenishment}: the newest stored report, filtered and sorted as
 * {@code restock plan} does, and a recomputation on demand.
 */
@RestController
@RequestMapping("/api/v1/replenishment")
class ReplenishmentApi {

    private final ReplenishmentSnapshots snapshots;
    private final ReportFilters filters;

    ReplenishmentApi(ReplenishmentSnapshots snapshots, ReportFilters filters) {
        this.snapshots = snapshots;
        this.filters = filters;
    }

    /** The report as stored by the newest run (computed now when none is stored yet). */
    @GetMapping
    Report report(
            @RequestParam(required = false) String warehouse,
            @RequestParam(required = false) String vendor,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String sort) {
        ReportQuery query = filters.checked(ReportQuery.parse(warehouse, vendor, status, sort));
        return Report.of(snapshots.latestOrRefresh(), query);
    }

    /** Recomputes and stores the report now, then answers as {@link #report} without filters. */
    @PostMapping("/refresh")
    Report refresh() {
        return Report.of(snapshots.refresh(), ReportQuery.all());
    }

    /**
     * @param snapshotId the stored report the lines come from
     * @param computedAt when that report was computed
     */
    record Report(
            long snapshotId,
            Instant computedAt,
            LocalDate planDate,
            List<ReplenishmentRow> lines,
            List<TransferSuggestion> transfers) {

        static Report of(Stored stored, ReportQuery query) {
            ReplenishmentPlan plan = stored.plan();
            List<ReplenishmentRow> lines = query.apply(plan.lines());
            List<TransferSuggestion> transfers = plan.transfers().stream()
                    .filter(transfer -> query.warehouse() == null
                            || query.warehouse().equalsIgnoreCase(transfer.toWarehouse())
                            || query.warehouse().equalsIgnoreCase(transfer.fromWarehouse()))
                    .toList();
            return new Report(stored.id(), plan.computedAt(), plan.planDate(), lines, transfers);
        }
    }
}
