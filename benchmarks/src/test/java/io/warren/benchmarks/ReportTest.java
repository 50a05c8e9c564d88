package io.warren.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReportTest {

    @Test
    void lineShowsRateAndLatency() {
        Result r = new Result("W1", "queue 1->1 non-persistent", 1_234_567.4, "msgs/s",
                new LatencySummary(10, 12_000, 85_400, 300_000, 12_500_000), "send->onMessage", null, null);
        assertThat(Report.line(r)).startsWith("W1  queue 1->1 non-persistent")
                .contains("1,234,567 msgs/s").contains("p50 12 us").contains("p99 85 us")
                .contains("p99.9 300 us").endsWith("max 12.5 ms");
    }

    @Test
    void problemReplacesRate() {
        Result r = new Result("W2", "persistent", Double.NaN, null, null, null, null, "no journal");
        assertThat(Report.line(r)).endsWith("not measured: no journal");
    }

    @Test
    void durations() {
        assertThat(Report.duration(9_340)).isEqualTo("9.3 us");
        assertThat(Report.duration(1_500_000)).isEqualTo("1,500 us");
        assertThat(Report.duration(25_000_000)).isEqualTo("25.0 ms");
    }
}
