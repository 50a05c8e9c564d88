package io.warren.jms.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which classes a policy trusts, and how it is built. */
class ObjectMessagePolicyTest {

    @Test
    void theDefaultsTrustTheBasicJavaPackages() {
        ObjectMessagePolicy p = ObjectMessagePolicy.defaults();
        assertThat(p.trustedPackages()).containsExactly("java.lang", "java.util", "java.time", "java.math");
        assertThat(p.isTrusted(String.class)).isTrue();
        assertThat(p.isTrusted(java.util.concurrent.ConcurrentHashMap.class)).isTrue();
        assertThat(p.isTrusted(java.time.Instant.class)).isTrue();
        assertThat(p.isTrusted(java.math.BigInteger.class)).isTrue();
        assertThat(p.isTrusted(java.net.URL.class)).isFalse();
        assertThat(p.isTrusted(Order.class)).isFalse();
        assertThat(p.trustsAll()).isFalse();
    }

    @Test
    void primitiveArraysAndArraysOfTrustedClassesAreTrusted() {
        ObjectMessagePolicy p = ObjectMessagePolicy.of(List.of());
        assertThat(p.isTrusted(int[].class)).isTrue();
        assertThat(p.isTrusted(byte[][].class)).isTrue();
        assertThat(p.isTrusted(String[].class)).isFalse();
        assertThat(ObjectMessagePolicy.defaults().isTrusted(String[][].class)).isTrue();
        assertThat(ObjectMessagePolicy.defaults().isTrusted(Order[].class)).isFalse();
    }

    @Test
    void anEntryTrustsItsPackageAndSubpackagesButNotLookalikes() {
        ObjectMessagePolicy p = ObjectMessagePolicy.of(List.of("com.acme"));
        assertThat(p.isTrusted("com.acme.Order")).isTrue();
        assertThat(p.isTrusted("com.acme.billing.Invoice")).isTrue();
        assertThat(p.isTrusted("com.acmeevil.Gadget")).isFalse();
        assertThat(p.isTrusted("com.Acme.Order")).isFalse();
    }

    @Test
    void wildcardAndTrailingDotFormsMeanThePackage() {
        assertThat(ObjectMessagePolicy.of(List.of("com.acme.*", " org.x. ", "")).trustedPackages())
                .containsExactly("com.acme", "org.x");
    }

    @Test
    void starTrustsEverything() {
        ObjectMessagePolicy p = ObjectMessagePolicy.of(List.of("*"));
        assertThat(p.trustsAll()).isTrue();
        assertThat(p.isTrusted("anything.At.All")).isTrue();
        assertThat(ObjectMessagePolicy.trustAll().trustsAll()).isTrue();
    }

    @Test
    void theOptionAddsToTheDefaults() {
        ObjectMessagePolicy p = ObjectMessagePolicy.fromOption("com.acme, org.x.*");
        assertThat(p.trustedPackages()).containsExactly("java.lang", "java.util", "java.time", "java.math",
                "com.acme", "org.x");
        assertThat(ObjectMessagePolicy.fromOption(" ")).isEqualTo(ObjectMessagePolicy.defaults());
        assertThat(ObjectMessagePolicy.fromOption(null)).isEqualTo(ObjectMessagePolicy.defaults());
        assertThat(ObjectMessagePolicy.fromOption("*").trustsAll()).isTrue();
    }

    @Test
    void trustingAddsToTheDefaults() {
        assertThat(ObjectMessagePolicy.trusting(List.of("com.acme")).isTrusted("java.lang.String")).isTrue();
        assertThat(ObjectMessagePolicy.trusting(List.of("com.acme")).isTrusted("com.acme.A")).isTrue();
        assertThat(ObjectMessagePolicy.trusting(List.of())).isEqualTo(ObjectMessagePolicy.defaults());
        assertThat(ObjectMessagePolicy.trusting(null)).isEqualTo(ObjectMessagePolicy.defaults());
    }

    @Test
    void duplicatesAreDropped() {
        assertThat(ObjectMessagePolicy.defaults().withTrustedPackages("java.lang", "a").trustedPackages())
                .containsExactly("java.lang", "java.util", "java.time", "java.math", "a");
    }

    @Test
    void aNullEntryIsRefused() {
        assertThatThrownBy(() -> ObjectMessagePolicy.of(Arrays.asList("a", null)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void itIsImmutable() {
        List<String> given = new java.util.ArrayList<>(List.of("a"));
        ObjectMessagePolicy p = ObjectMessagePolicy.of(given);
        given.add("b");
        assertThat(p.trustedPackages()).containsExactly("a");
        assertThatThrownBy(() -> p.trustedPackages().add("c")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void itSurvivesSerialisation() throws Exception {
        ObjectMessagePolicy p = ObjectMessagePolicy.of(List.of("com.acme", "*"));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(p);
        }
        ObjectMessagePolicy back;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            back = (ObjectMessagePolicy) in.readObject();
        }
        assertThat(back).isEqualTo(p).hasSameHashCodeAs(p);
        assertThat(back.trustsAll()).isTrue();
    }

    @Test
    void theOptionNameIsTrustedPackages() {
        assertThat(ObjectMessagePolicy.OPTION).isEqualTo("trustedPackages");
    }
}
