package io.warren.jndi;

import jakarta.jms.InvalidDestinationException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Hashtable;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.TreeMap;
import javax.naming.Binding;
import javax.naming.CompositeName;
import javax.naming.Context;
import javax.naming.InvalidNameException;
import javax.naming.Name;
import javax.naming.NameClassPair;
import javax.naming.NameNotFoundException;
import javax.naming.NameParser;
import javax.naming.NamingEnumeration;
import javax.naming.NamingException;
import javax.naming.NotContextException;
import javax.naming.OperationNotSupportedException;

/**
 * A read-only JNDI context over a {@link Namespace}. Names are flat strings ({@code jms/orders} is one binding),
 * yet a name that prefixes others ({@code jms}) can be looked up and listed as a context, as can the
 * on-demand contexts {@code dynamicQueues} and {@code dynamicTopics}, whose {@code dynamicQueues/NAME} entries
 * are created when looked up. A context is a view of the namespace at a prefix ({@code ""} for the root).
 */
final class ReadOnlyContext implements Context {
    static final String DYNAMIC_QUEUES = "dynamicQueues";
    static final String DYNAMIC_TOPICS = "dynamicTopics";
    private static final NameParser PARSER = CompositeName::new;

    private final Namespace namespace;
    private final Hashtable<Object, Object> environment;
    private final String prefix;

    ReadOnlyContext(Namespace namespace, Hashtable<?, ?> environment, String prefix) {
        this.namespace = namespace;
        this.environment = environment == null ? new Hashtable<>() : new Hashtable<>(environment);
        this.prefix = prefix;
    }

    @Override
    public Object lookup(String name) throws NamingException {
        String full = fullName(name);
        if (name.isEmpty()) {
            return new ReadOnlyContext(namespace, environment, prefix);
        }
        Object bound = namespace.objects().get(full);
        if (bound != null) {
            return bound;
        }
        if (isContext(full)) {
            return new ReadOnlyContext(namespace, environment, full);
        }
        if (full.startsWith(DYNAMIC_QUEUES + "/")) {
            return dynamic(full, DYNAMIC_QUEUES, JndiDestinations.QUEUE);
        }
        if (full.startsWith(DYNAMIC_TOPICS + "/")) {
            return dynamic(full, DYNAMIC_TOPICS, JndiDestinations.TOPIC);
        }
        throw notFound(full);
    }

    @Override
    public Object lookup(Name name) throws NamingException {
        return lookup(flat(name));
    }

    @Override
    public Object lookupLink(String name) throws NamingException {
        return lookup(name);
    }

    @Override
    public Object lookupLink(Name name) throws NamingException {
        return lookup(name);
    }

    @Override
    public NamingEnumeration<NameClassPair> list(String name) throws NamingException {
        List<NameClassPair> pairs = new ArrayList<>();
        for (Binding b : children(name)) {
            pairs.add(new NameClassPair(b.getName(), b.getClassName()));
        }
        return new Enumeration<>(pairs);
    }

    @Override
    public NamingEnumeration<NameClassPair> list(Name name) throws NamingException {
        return list(flat(name));
    }

    @Override
    public NamingEnumeration<Binding> listBindings(String name) throws NamingException {
        return new Enumeration<>(children(name));
    }

    @Override
    public NamingEnumeration<Binding> listBindings(Name name) throws NamingException {
        return listBindings(flat(name));
    }

    /** The entries one level below {@code name}, sorted by name. */
    private List<Binding> children(String name) throws NamingException {
        Object target = lookup(name);
        if (!(target instanceof ReadOnlyContext context)) {
            throw new NotContextException("'" + fullName(name) + "' is bound to " + target + ", not a context");
        }
        String base = context.prefix.isEmpty() ? "" : context.prefix + "/";
        Map<String, Binding> children = new TreeMap<>();
        if (base.isEmpty()) {
            for (String dynamic : List.of(DYNAMIC_QUEUES, DYNAMIC_TOPICS)) {
                children.put(dynamic, new Binding(dynamic, new ReadOnlyContext(namespace, environment, dynamic)));
            }
        }
        for (Map.Entry<String, Object> e : namespace.objects().entrySet()) {
            if (!e.getKey().startsWith(base)) {
                continue;
            }
            String rest = e.getKey().substring(base.length());
            int slash = rest.indexOf('/');
            if (slash < 0) {
                children.put(rest, new Binding(rest, e.getValue()));
            } else {
                String child = rest.substring(0, slash);
                children.putIfAbsent(child, new Binding(child,
                        new ReadOnlyContext(namespace, environment, base + child)));
            }
        }
        return new ArrayList<>(children.values());
    }

    private boolean isContext(String full) {
        if (full.equals(DYNAMIC_QUEUES) || full.equals(DYNAMIC_TOPICS)) {
            return true;
        }
        String base = full + "/";
        return namespace.objects().keySet().stream().anyMatch(k -> k.startsWith(base));
    }

    private static Object dynamic(String full, String context, JndiDestinations create)
            throws NamingException {
        String physical = full.substring(context.length() + 1);
        if (physical.isEmpty()) {
            throw new InvalidNameException("'" + full + "' names no destination: use " + context + "/NAME");
        }
        try {
            return create.make(physical);
        } catch (InvalidDestinationException | IllegalArgumentException e) {
            InvalidNameException ine = new InvalidNameException("'" + full + "': " + e.getMessage());
            ine.setRootCause(e);
            throw ine;
        }
    }

    private NameNotFoundException notFound(String full) {
        String reason = namespace.unbound().get(full);
        if (reason != null) {
            return new NameNotFoundException("'" + full + "' is not bound: " + reason);
        }
        return new NameNotFoundException("'" + full + "' is not bound in Warren's JNDI context (bound names: "
                + new TreeMap<>(namespace.objects()).keySet() + "). Bind it with connectionFactory." + full
                + "=vm://NAME, queue." + full + "=PHYSICAL or topic." + full + "=PHYSICAL in the environment or"
                + " jndi.properties, or look up " + DYNAMIC_QUEUES + "/NAME or " + DYNAMIC_TOPICS + "/NAME");
    }

    private String fullName(String name) {
        if (prefix.isEmpty()) {
            return name;
        }
        return name.isEmpty() ? prefix : prefix + "/" + name;
    }

    private static String flat(Name name) {
        return String.join("/", Collections.list(name.getAll()));
    }

    @Override
    public String composeName(String name, String parent) {
        if (parent.isEmpty()) {
            return name;
        }
        return name.isEmpty() ? parent : parent + "/" + name;
    }

    @Override
    public Name composeName(Name name, Name parent) throws NamingException {
        return ((Name) parent.clone()).addAll(name);
    }

    @Override
    public NameParser getNameParser(String name) {
        return PARSER;
    }

    @Override
    public NameParser getNameParser(Name name) {
        return PARSER;
    }

    @Override
    public String getNameInNamespace() {
        return prefix;
    }

    @Override
    public Object addToEnvironment(String propName, Object propVal) {
        return environment.put(propName, propVal);
    }

    @Override
    public Object removeFromEnvironment(String propName) {
        return environment.remove(propName);
    }

    @Override
    public Hashtable<?, ?> getEnvironment() {
        return new Hashtable<>(environment);
    }

    /** Nothing to release: the bound objects belong to the application once looked up. */
    @Override
    public void close() {
    }

    @Override
    public void bind(String name, Object obj) throws NamingException {
        throw readOnly("bind");
    }

    @Override
    public void bind(Name name, Object obj) throws NamingException {
        throw readOnly("bind");
    }

    @Override
    public void rebind(String name, Object obj) throws NamingException {
        throw readOnly("rebind");
    }

    @Override
    public void rebind(Name name, Object obj) throws NamingException {
        throw readOnly("rebind");
    }

    @Override
    public void unbind(String name) throws NamingException {
        throw readOnly("unbind");
    }

    @Override
    public void unbind(Name name) throws NamingException {
        throw readOnly("unbind");
    }

    @Override
    public void rename(String oldName, String newName) throws NamingException {
        throw readOnly("rename");
    }

    @Override
    public void rename(Name oldName, Name newName) throws NamingException {
        throw readOnly("rename");
    }

    @Override
    public void destroySubcontext(String name) throws NamingException {
        throw readOnly("destroySubcontext");
    }

    @Override
    public void destroySubcontext(Name name) throws NamingException {
        throw readOnly("destroySubcontext");
    }

    @Override
    public Context createSubcontext(String name) throws NamingException {
        throw readOnly("createSubcontext");
    }

    @Override
    public Context createSubcontext(Name name) throws NamingException {
        throw readOnly("createSubcontext");
    }

    private static OperationNotSupportedException readOnly(String operation) {
        return new OperationNotSupportedException(operation + " is not supported: Warren's JNDI context is"
                + " read-only and configured by the environment (connectionFactory.NAME, queue.NAME, topic.NAME"
                + " entries in jndi.properties or the InitialContext environment)");
    }

    @Override
    public String toString() {
        return "Warren JNDI context[" + prefix + "]";
    }

    /** A {@link NamingEnumeration} over a list taken when the listing was made. */
    private static final class Enumeration<T> implements NamingEnumeration<T> {
        private final Iterator<T> items;

        Enumeration(List<T> items) {
            this.items = items.iterator();
        }

        @Override
        public T next() {
            return nextElement();
        }

        @Override
        public boolean hasMore() {
            return items.hasNext();
        }

        @Override
        public boolean hasMoreElements() {
            return items.hasNext();
        }

        @Override
        public T nextElement() {
            if (!items.hasNext()) {
                throw new NoSuchElementException();
            }
            return items.next();
        }

        @Override
        public void close() {
        }
    }
}
