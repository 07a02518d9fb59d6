package dev.restock.forecast;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;

/**
 * The selection as first written, kept as the reference that {@link ForecastSelector} must
 * match exactly: every origin's training history damped from scratch (its own sort for the
 * median and another for the median absolute deviation), every candidate fitted from scratch.
 */
final class ReferenceForecastSelector {

    private final List<ForecastMethod> candidates;
    private final ForecastMethod fallback;
    private final OutlierDamper damper;
    private final NewVariantPrior prior;
    private final ForecastSelector.Settings settings;

    ReferenceForecastSelector(
            List<ForecastMethod> candidates,
            ForecastMethod fallback,
            OutlierDamper damper,
            NewVariantPrior prior,
            ForecastSelector.Settings settings) {
        this.candidates = List.copyOf(candidates);
        this.fallback = requireNonNull(fallback, "fallback");
        this.damper = requireNonNull(damper, "damper");
        this.prior = requireNonNull(prior, "prior");
        this.settings = requireNonNull(settings, "settings");
    }

    /** The forecast for the {@code horizonDays} days after {@code history} ends. */
    public Forecast select(DemandSeries history, int horizonDays) {
        double[] errors = new double[candidates.size()];
        double[] actual = new double[1];
        int used = backtest(history, errors, actual);
        DemandSeries damped = damper.damp(history);

        if (used == 0) {
            ForecastMethod method = new NewVariantAverage(prior);
            return new Forecast(
                    method.name(),
                    method.forecast(damped, horizonDays),
                    MethodScore.notBacktested(method.name()),
                    List.of());
        }

        List<MethodScore> scores = new ArrayList<>(candidates.size());
        int best = 0;
        for (int index = 0; index < candidates.size(); index++) {
            scores.add(new MethodScore(candidates.get(index).name(), errors[index], actual[0], used));
            if (errors[index] < errors[best]) {
                best = index;
            }
        }
        ForecastMethod chosen = applicable(candidates.get(best), damped);
        return new Forecast(chosen.name(), chosen.forecast(damped, horizonDays), scores.get(best), scores);
    }

    /** Scores every candidate at every usable origin; returns the number of origins used. */
    private int backtest(DemandSeries history, double[] errors, double[] actual) {
        int used = 0;
        int evaluationDays = settings.evaluationDays();
        for (int origin = 0; origin < settings.origins(); origin++) {
            int end = history.length() - evaluationDays - origin * settings.originSpacing();
            if (end <= 0) {
                break;
            }
            DemandSeries training = damper.damp(history.truncate(end));
            if (training.countedDays() < settings.minCountedDays()) {
                break;
            }
            double[] actualWeeks = actualWeeks(history, end);
            for (double week : actualWeeks) {
                actual[0] += week;
            }
            double[] fallbackWeeks = null;
            for (int index = 0; index < candidates.size(); index++) {
                ForecastMethod candidate = candidates.get(index);
                double[] weeks;
                if (candidate.appliesTo(training)) {
                    weeks = Horizon.weeklyTotals(candidate.forecast(training, evaluationDays));
                } else {
                    if (fallbackWeeks == null) {
                        fallbackWeeks = Horizon.weeklyTotals(fallback.forecast(training, evaluationDays));
                    }
                    weeks = fallbackWeeks;
                }
                errors[index] += ForecastSelector.absoluteError(weeks, actualWeeks);
            }
            used++;
        }
        return used;
    }

    private ForecastMethod applicable(ForecastMethod method, DemandSeries history) {
        return method.appliesTo(history) ? method : fallback;
    }

    private double[] actualWeeks(DemandSeries history, int from) {
        double[] weeks = new double[Horizon.weeks(settings.evaluationDays())];
        for (int week = 0; week < weeks.length; week++) {
            weeks[week] = Horizon.weekTotal(history, from, week);
        }
        return weeks;
    }
}
