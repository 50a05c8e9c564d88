package io.warren.broker.management.jmx;

import io.warren.broker.VirtualHost;
import io.warren.broker.management.ExchangeInfo;
import java.util.List;
import java.util.Map;

/** The {@link ExchangeMXBean} of one exchange, found by name on each call. */
final class ExchangeControl implements ExchangeMXBean {
    private final VirtualHost host;
    private final String name;

    ExchangeControl(VirtualHost host, String name) {
        this.host = host;
        this.name = name;
    }

    private ExchangeInfo info() {
        for (ExchangeInfo e : host.exchanges()) {
            if (e.name().equals(name)) {
                return e;
            }
        }
        throw JmxErrors.gone("exchange '" + name + "' in virtual host '" + host.name() + "'");
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public String getVirtualHost() {
        return host.name();
    }

    @Override
    public String getType() {
        return info().type();
    }

    @Override
    public boolean isDurable() {
        return info().durable();
    }

    @Override
    public boolean isAutoDelete() {
        return info().autoDelete();
    }

    @Override
    public boolean isInternal() {
        return info().internal();
    }

    @Override
    public Map<String, String> getArguments() {
        return OpenValues.texts(info().arguments());
    }

    @Override
    public int getBindingCount() {
        return getBindings().size();
    }

    @Override
    public List<BindingRow> getBindings() {
        info();
        return host.allBindings().stream().filter(b -> b.source().equals(name)).map(BindingRow::of).toList();
    }
}
