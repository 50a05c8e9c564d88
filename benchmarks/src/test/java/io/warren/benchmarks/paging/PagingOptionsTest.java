package io.warren.benchmarks.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PagingOptionsTest {
    @Test
    void defaultsMeasureBothBrokersOnEveryCaseWithKibibyteBodiesIn256MiBHeaps() {
        PagingOptions o = PagingOptions.parse();
        assertThat(o.brokers()).containsExactly("warren", "artemis");
        assertThat(o.cases()).containsExactly(PagingCase.values());
        assertThat(o.size()).isEqualTo(1024);
        assertThat(o.heap()).isEqualTo("256m");
        assertThat(o.count(PagingCase.P1)).isEqualTo(500_000);
        assertThat(o.count(PagingCase.M2)).isEqualTo(25_000);
        assertThat(o.warmup()).isEqualTo(20_000);
        assertThat(PagingOptions.parse("--warmup", "0").warmup()).isZero();
    }

    @Test
    void optionsTakeTheirValueAfterASpaceOrAnEqualsSign() {
        PagingOptions o = PagingOptions.parse("--brokers", "warren", "--cases=p1,M1", "--count", "2,000,000",
                "--heap=512m");
        assertThat(o.brokers()).containsExactly("warren");
        assertThat(o.cases()).isEqualTo(List.of(PagingCase.P1, PagingCase.M1));
        assertThat(o.deepCount()).isEqualTo(2_000_000);
        assertThat(o.heap()).isEqualTo("512m");
    }

    @Test
    void unknownBrokersCasesAndOptionsAreRefusedByName() {
        assertThatThrownBy(() -> PagingOptions.parse("--brokers", "kafka")).hasMessageContaining("kafka");
        assertThatThrownBy(() -> PagingOptions.parse("--cases", "X9")).hasMessageContaining("X9");
        assertThatThrownBy(() -> PagingOptions.parse("--speed", "1")).hasMessageContaining("--speed");
        assertThatThrownBy(() -> PagingOptions.parse("--count", "0")).hasMessageContaining("at least 1");
    }

    @Test
    void deepCasesAreComparedWithTheInMemoryCaseOfTheSameDeliveryMode() {
        assertThat(PagingCase.P1.inMemoryCounterpart()).isEqualTo(PagingCase.M1);
        assertThat(PagingCase.P2.inMemoryCounterpart()).isEqualTo(PagingCase.M2);
    }
}
