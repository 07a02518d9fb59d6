package dev.restock.forecast;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;

/**
 * Chooses a forecast method per series by a rolling-origin backtest on the series' own history:
 * at each of up to {@code origins} origins, {@code originSpacing} days apart, the last of which
 * ends {@code evaluationDays} before the history does, every candidate is fitted on the days
 * before the origin and scored on the absolute error of the weekly totals of the next {@code
 * evaluationDays} days. The candidate with the lowest total error wins (ties go to the earlier
 * candidate) and forecasts from the whole history.
 *
 * <p>The selector only ever sees the history it is given; a backtest that holds out weeks passes a
 * truncated series, so the hold-out cannot influence the choice. Candidates run on the history
 * after outlier damping and are scored against actual (undamped) demand. A candidate that does not
 * apply at an origin (a seasonal method without a year of history) is scored with the fallback's
 * forecast there. A history with fewer than {@code minCountedDays} counted days before the first
 * possible origin is not backtested: it gets the new-variant forecast, shrunk towards the prior.
 *
 * <p>Stateless and thread-safe. Work per series is O(candidates x origins x days).
 */
public final class ForecastSelector {

    private final List<ForecastMethod> candidates;
    private final ForecastMethod fallback;
    private final OutlierDamper damper;
    private final NewVariantPrior prior;
    private final Settings settings;

    /**
     * How the backtest inside the selector runs: {@code origins} origins {@code originSpacing}
     * days apart, each scored on the {@code evaluationDays} after it, and only where at least
     * {@code minCountedDays} counted days precede it.
     */
    public record Settings(int origins, int originSpacing, int evaluationDays, int minCountedDays) {

        public Settings {
            if (origins < 1 || originSpacing < 1 || evaluationDays < Horizon.WEEK || minCountedDays < 1) {
                throw new IllegalArgumentException("a selector needs at least one origin, a positive"
                        + " spacing, a week to evaluate and one counted day; were " + origins + ", "
                        + originSpacing + ", " + evaluationDays + ", " + minCountedDays);
            }
        }

        /**
         * Six origins a week apart, each scored on the four weeks after it, after at least 20
         * counted days. Chosen on the Online Retail validation period (docs/forecasting.md).
         */
        public static Settings standard() {
            return new Settings(6, 7, 28, 20);
        }
    }

    public ForecastSelector(
            List<ForecastMethod> candidates,
            ForecastMethod fallback,
            OutlierDamper damper,
            NewVariantPrior prior,
            Settings settings) {
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException("a selector needs at least one candidate method");
        }
        this.candidates = List.copyOf(candidates);
        this.fallback = requireNonNull(fallback, "fallback");
        this.damper = requireNonNull(damper, "damper");
        this.prior = requireNonNull(prior, "prior");
        this.settings = requireNonNull(settings, "settings");
    }

    /**
     * The standard selector for the warehouse described by {@code pool}: recent average, damped
     * trend, the warehouse's pooled trend, seasonal and SBA, with the standard damping and
     * settings.
     */
    public static ForecastSelector standard(WarehousePool pool) {
        return new ForecastSelector(
                standardCandidates(pool),
                new RecentAverage(56),
                OutlierDamper.standard(),
                pool.prior(),
                Settings.standard());
    }

    public static List<ForecastMethod> standardCandidates(WarehousePool pool) {
        return List.of(
                new RecentAverage(56),
                DampedTrend.standard(),
                PooledTrend.standard(pool),
                SeasonalScaled.standard(),
                Croston.sba());
    }

    public List<ForecastMethod> candidates() {
        return candidates;
    }

    /** What a candidate that does not apply to a history is replaced with. */
    public ForecastMethod fallback() {
        return fallback;
    }

    public OutlierDamper damper() {
        return damper;
    }

    /** The forecast for the {@code horizonDays} days after {@code history} ends. */
    public Forecast select(DemandSeries history, int horizonDays) {
        int[] ends = trainingEnds(history);
        double[] caps = damper.thresholds(history, ends);
        double[] errors = new double[candidates.size()];
        double[] actual = new double[1];
        int used = backtest(history, ends, caps, errors, actual);
        DemandSeries damped = OutlierDamper.capped(history, caps[caps.length - 1]);

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

    /**
     * The ends of the training histories, ascending: every origin's (the earliest first) and
     * last the whole history's, so that the damper caps all of them in one pass.
     */
    private int[] trainingEnds(DemandSeries history) {
        int origins = 0;
        while (origins < settings.origins() && originEnd(history, origins) > 0) {
            origins++;
        }
        int[] ends = new int[origins + 1];
        for (int origin = 0; origin < origins; origin++) {
            ends[origins - 1 - origin] = originEnd(history, origin);
        }
        ends[origins] = history.length();
        return ends;
    }

    private int originEnd(DemandSeries history, int origin) {
        return history.length() - settings.evaluationDays() - origin * settings.originSpacing();
    }

    /**
     * Scores every candidate at every usable origin; returns the number of origins used. The
     * cap of origin {@code o}'s training history is {@code caps[ends.length - 2 - o]}.
     */
    private int backtest(DemandSeries history, int[] ends, double[] caps, double[] errors, double[] actual) {
        int used = 0;
        int evaluationDays = settings.evaluationDays();
        for (int origin = 0; origin < ends.length - 1; origin++) {
            int end = ends[ends.length - 2 - origin];
            DemandSeries training = OutlierDamper.capped(history.truncate(end), caps[ends.length - 2 - origin]);
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
                errors[index] += absoluteError(weeks, actualWeeks);
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

    static double absoluteError(double[] forecast, double[] actual) {
        double error = 0;
        for (int index = 0; index < actual.length; index++) {
            error += Math.abs(forecast[index] - actual[index]);
        }
        return error;
    }
}
