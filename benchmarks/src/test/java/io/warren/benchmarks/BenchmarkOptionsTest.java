package io.warren.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchmarkOptionsTest {

    @Test
    void defaults() {
        BenchmarkOptions o = BenchmarkOptions.parse();
        assertThat(o.workloads()).isEmpty();
        assertThat(o.seconds()).isEqualTo(5);
        assertThat(o.warmup()).isEqualTo(2);
        assertThat(o.size()).isEqualTo(256);
        assertThat(o.rate()).isEqualTo(10_000);
        assertThat(o.dataDir()).isNull();
        assertThat(Workloads.select(o.workloads())).extracting(Workload::id)
                .containsExactly("E1", "E2", "E3", "W1", "W4", "W5", "W2", "W2c", "W3");
    }

    @Test
    void workloadsAndOptionsInEitherForm() {
        BenchmarkOptions o = BenchmarkOptions.parse("w2c", "--seconds", "10", "e1", "--size=1024", "--warmup", "0",
                "--data-dir", "/tmp/x", "--rate=5000");
        assertThat(o.workloads()).containsExactly("W2C", "E1");
        assertThat(o).extracting(BenchmarkOptions::seconds, BenchmarkOptions::size, BenchmarkOptions::warmup,
                BenchmarkOptions::rate, BenchmarkOptions::dataDir).containsExactly(10, 1024, 0, 5000, Path.of("/tmp/x"));
        assertThat(Workloads.select(o.workloads())).extracting(Workload::id).containsExactly("E1", "W2c");
    }

    @Test
    void badArgumentsAreNamed() {
        assertThatThrownBy(() -> BenchmarkOptions.parse("--seconds", "0")).hasMessageContaining("--seconds");
        assertThatThrownBy(() -> BenchmarkOptions.parse("--size", "big")).hasMessageContaining("'big'");
        assertThatThrownBy(() -> BenchmarkOptions.parse("--warmup")).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> BenchmarkOptions.parse("--fast")).hasMessageContaining("--fast");
        assertThatThrownBy(() -> Workloads.select(List.of("W9"))).hasMessageContaining("W9");
    }
}
