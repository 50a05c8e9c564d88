package io.warren.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LatencyRecorderTest {

    @Test
    void bucketsAreContiguousAndCoverEveryValue() {
        long previousHigh = -1;
        for (int b = 0; b < 64 * 32 - 5 * 32; b++) {
            assertThat(LatencyRecorder.lowestOf(b)).as("bucket %d", b).isEqualTo(previousHigh + 1);
            assertThat(LatencyRecorder.bucketOf(LatencyRecorder.lowestOf(b))).isEqualTo(b);
            assertThat(LatencyRecorder.bucketOf(LatencyRecorder.highestOf(b))).isEqualTo(b);
            previousHigh = LatencyRecorder.highestOf(b);
        }
        assertThat(previousHigh).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void percentilesAreWithinThreePercentOfExactOnes() {
        SplittableRandom random = new SplittableRandom(1);
        long[] values = new long[100_000];
        LatencyRecorder recorder = new LatencyRecorder();
        for (int i = 0; i < values.length; i++) {
            values[i] = (long) Math.exp(random.nextDouble() * Math.log(50_000_000));
            recorder.record(values[i]);
        }
        Arrays.sort(values);
        for (double p : new double[] {50, 90, 99, 99.9}) {
            long exact = values[(int) Math.ceil(p / 100 * values.length) - 1];
            assertThat((double) recorder.percentile(p)).as("p%s", p).isCloseTo(exact, within(exact * 0.03 + 1));
        }
        assertThat(recorder.percentile(100)).isEqualTo(values[values.length - 1]);
        assertThat(recorder.max()).isEqualTo(values[values.length - 1]);
        assertThat(recorder.count()).isEqualTo(values.length);
    }

    @Test
    void smallValuesAreExact() {
        LatencyRecorder recorder = new LatencyRecorder();
        for (int v = 1; v <= 50; v++) {
            recorder.record(v);
        }
        assertThat(recorder.percentile(50)).isEqualTo(25);
        assertThat(recorder.percentile(100)).isEqualTo(50);
    }

    @Test
    void resetForgetsAndEmptyRecorderReportsZero() {
        LatencyRecorder recorder = new LatencyRecorder();
        recorder.record(1_000);
        recorder.record(-5);
        recorder.reset();
        assertThat(recorder.summary()).isEqualTo(new LatencySummary(0, 0, 0, 0, 0));
        assertThatThrownBy(() -> recorder.percentile(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
