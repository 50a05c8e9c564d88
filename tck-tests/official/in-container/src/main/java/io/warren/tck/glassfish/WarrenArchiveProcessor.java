package io.warren.tck.glassfish;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.jboss.shrinkwrap.api.Archive;
import org.jboss.shrinkwrap.api.ArchivePath;
import org.jboss.shrinkwrap.api.ArchivePaths;
import org.jboss.shrinkwrap.api.Node;
import org.jboss.shrinkwrap.api.asset.Asset;
import org.jboss.shrinkwrap.api.asset.ByteArrayAsset;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.w3c.dom.Document;
import org.w3c.dom.DocumentType;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import tck.arquillian.porting.lib.spi.AbstractTestArchiveProcessor;

/**
 * Binds the TCK's message-driven beans to Warren's resource adapter in GlassFish without changing the TCK.
 *
 * <p>The TCK's {@code sun-ejb-jar.xml} files describe each bean's destination the OpenMQ way: the bean's
 * {@code jndi-name} is the JNDI name of its queue or topic, {@code mdb-connection-factory} names a connection
 * factory whose pool carries the client ID, and {@code jms-durable-subscription-name} names the durable
 * subscription. GlassFish turns these into activation properties only for its own adapter ({@code jmsra}). For any
 * other adapter it passes the {@code ejb-jar.xml} activation config alone, so this processor adds the same facts as
 * standard activation properties ({@code destinationLookup}, {@code destinationType}, {@code clientId},
 * {@code subscriptionName}, {@code subscriptionDurability}) to an {@code mdb-resource-adapter} element naming
 * {@code warren-ra}. Properties the bean's own descriptor already sets are left alone.
 *
 * <p>Runs in the test JVM, on the thread that builds the deployment, once per archive.
 */
public final class WarrenArchiveProcessor extends AbstractTestArchiveProcessor {
    private static final Logger LOG = Logger.getLogger(WarrenArchiveProcessor.class.getName());

    /** Name of the resource adapter deployment (the run script deploys the .rar under this name). */
    static final String RESOURCE_ADAPTER = System.getProperty("warren.ra.name", "warren-ra");

    /** Client IDs of the connection factories, as the official runner's create.jms.template sets them. */
    private static final Map<String, String> CLIENT_IDS = Map.of(
            "jms/DURABLE_SUB_CONNECTION_FACTORY", "cts",
            "jms/MDBTACCESSTEST_FACTORY", "cts1",
            "jms/DURABLE_BMT_CONNECTION_FACTORY", "cts2",
            "jms/DURABLE_CMT_CONNECTION_FACTORY", "cts3",
            "jms/DURABLE_BMT_XCONNECTION_FACTORY", "cts4",
            "jms/DURABLE_CMT_XCONNECTION_FACTORY", "cts5",
            "jms/DURABLE_CMT_TXNS_XCONNECTION_FACTORY", "cts6");

    /** sun-ejb-jar DTD: the children of {@code ejb} that must come after {@code mdb-resource-adapter}. */
    private static final List<String> AFTER_MDB_RESOURCE_ADAPTER = List.of("webservice-endpoint",
            "flush-at-end-of-method", "checkpointed-methods", "checkpoint-at-end-of-method",
            "per-request-load-balancing");

    @Override
    public void processEjbArchive(JavaArchive archive, Class<?> testClass, URL sunXmlUrl) {
        bindMessageDrivenBeans(archive, "META-INF/");
    }

    @Override
    public void processWebArchive(WebArchive archive, Class<?> testClass, URL sunXmlUrl) {
        bindMessageDrivenBeans(archive, "WEB-INF/");
    }

    @Override
    public void processClientArchive(JavaArchive archive, Class<?> testClass, URL sunXmlUrl) {
    }

    @Override
    public void processRarArchive(JavaArchive archive, Class<?> testClass, URL sunXmlUrl) {
    }

    @Override
    public void processParArchive(JavaArchive archive, Class<?> testClass, URL sunXmlUrl) {
    }

    @Override
    public void processEarArchive(EnterpriseArchive archive, Class<?> testClass, URL sunXmlUrl) {
    }

    private void bindMessageDrivenBeans(Archive<?> archive, String dir) {
        Map<String, Map<String, String>> beans = messageDrivenBeans(archive, dir + "ejb-jar.xml");
        if (beans.isEmpty()) {
            return;
        }
        ArchivePath sunPath = ArchivePaths.create(dir + "sun-ejb-jar.xml");
        ArchivePath glassfishPath = ArchivePaths.create(dir + "glassfish-ejb-jar.xml");
        ArchivePath path = archive.contains(glassfishPath) ? glassfishPath : sunPath;
        Document runtime = archive.contains(path) ? parse(archive.get(path).getAsset()) : null;
        if (runtime == null) {
            LOG.warning(archive.getName() + ": message-driven beans " + beans.keySet()
                    + " but no " + path + "; they keep their own activation config");
            return;
        }
        boolean changed = false;
        NodeList ejbs = runtime.getElementsByTagName("ejb");
        for (int i = 0; i < ejbs.getLength(); i++) {
            Element ejb = (Element) ejbs.item(i);
            String name = childText(ejb, "ejb-name");
            Map<String, String> own = beans.get(name);
            if (own == null) {
                continue;
            }
            Map<String, String> added = activationProperties(ejb, own);
            addMdbResourceAdapter(runtime, ejb, added);
            LOG.info(archive.getName() + ": " + name + " -> " + RESOURCE_ADAPTER + " " + added);
            changed = true;
        }
        if (changed) {
            archive.delete(path);
            archive.add(new ByteArrayAsset(serialize(runtime)), path);
        }
    }

    /** The message-driven beans of an ejb-jar.xml, each with the activation properties it sets itself. */
    private static Map<String, Map<String, String>> messageDrivenBeans(Archive<?> archive, String ejbJarPath) {
        Map<String, Map<String, String>> beans = new LinkedHashMap<>();
        Node node = archive.get(ejbJarPath);
        if (node == null || node.getAsset() == null) {
            return beans;
        }
        Document ejbJar = parse(node.getAsset());
        NodeList mdbs = ejbJar.getElementsByTagName("message-driven");
        for (int i = 0; i < mdbs.getLength(); i++) {
            Element mdb = (Element) mdbs.item(i);
            Map<String, String> props = new HashMap<>();
            NodeList configs = mdb.getElementsByTagName("activation-config-property");
            for (int j = 0; j < configs.getLength(); j++) {
                Element config = (Element) configs.item(j);
                props.put(childText(config, "activation-config-property-name"),
                        childText(config, "activation-config-property-value"));
            }
            String type = childText(mdb, "message-destination-type");
            if (type != null) {
                props.putIfAbsent("#message-destination-type", type);
            }
            beans.put(childText(mdb, "ejb-name"), props);
        }
        return beans;
    }

    private static Map<String, String> activationProperties(Element ejb, Map<String, String> own) {
        Map<String, String> added = new LinkedHashMap<>();
        String jndiName = childText(ejb, "jndi-name");
        if (jndiName != null && !own.containsKey("destination") && !own.containsKey("destinationLookup")) {
            added.put("destinationLookup", jndiName);
        }
        String type = own.get("#message-destination-type");
        if (type != null && !own.containsKey("destinationType")) {
            added.put("destinationType", type);
        }
        Element factory = child(ejb, "mdb-connection-factory");
        String factoryName = factory == null ? null : childText(factory, "jndi-name");
        String clientId = factoryName == null ? null : CLIENT_IDS.get(factoryName);
        if (clientId != null && !own.containsKey("clientId")) {
            added.put("clientId", clientId);
        }
        String subscription = childText(ejb, "jms-durable-subscription-name");
        if (subscription != null && !own.containsKey("subscriptionName")) {
            added.put("subscriptionName", subscription);
            if (!own.containsKey("subscriptionDurability")) {
                added.put("subscriptionDurability", "Durable");
            }
        }
        return added;
    }

    private static void addMdbResourceAdapter(Document doc, Element ejb, Map<String, String> props) {
        Element adapter = child(ejb, "mdb-resource-adapter");
        if (adapter == null) {
            adapter = doc.createElement("mdb-resource-adapter");
            Element before = null;
            for (String later : AFTER_MDB_RESOURCE_ADAPTER) {
                before = child(ejb, later);
                if (before != null) {
                    break;
                }
            }
            ejb.insertBefore(adapter, before);
        }
        Element mid = child(adapter, "resource-adapter-mid");
        if (mid == null) {
            mid = doc.createElement("resource-adapter-mid");
            adapter.insertBefore(mid, adapter.getFirstChild());
        }
        mid.setTextContent(RESOURCE_ADAPTER);
        if (props.isEmpty()) {
            return;
        }
        Element config = child(adapter, "activation-config");
        if (config == null) {
            config = doc.createElement("activation-config");
            adapter.appendChild(config);
        }
        for (Map.Entry<String, String> e : props.entrySet()) {
            Element property = doc.createElement("activation-config-property");
            Element name = doc.createElement("activation-config-property-name");
            name.setTextContent(e.getKey());
            Element value = doc.createElement("activation-config-property-value");
            value.setTextContent(e.getValue());
            property.appendChild(name);
            property.appendChild(value);
            config.appendChild(property);
        }
    }

    private static Element child(Element parent, String tag) {
        for (org.w3c.dom.Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && tag.equals(e.getTagName())) {
                return e;
            }
        }
        return null;
    }

    private static String childText(Element parent, String tag) {
        Element e = child(parent, tag);
        return e == null ? null : e.getTextContent().trim();
    }

    private static Document parse(Asset asset) {
        try (InputStream in = asset.openStream()) {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            // The TCK's descriptors name DTDs on the web; this machine has no network and needs none.
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setNamespaceAware(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            return builder.parse(in);
        } catch (Exception e) {
            throw new IllegalStateException("cannot parse a deployment descriptor: " + e, e);
        }
    }

    private static byte[] serialize(Document doc) {
        try {
            Transformer transformer = TransformerFactory.newInstance().newTransformer();
            DocumentType doctype = doc.getDoctype();
            if (doctype != null && doctype.getPublicId() != null) {
                transformer.setOutputProperty(OutputKeys.DOCTYPE_PUBLIC, doctype.getPublicId());
                transformer.setOutputProperty(OutputKeys.DOCTYPE_SYSTEM, doctype.getSystemId());
            }
            transformer.setOutputProperty(OutputKeys.ENCODING, StandardCharsets.UTF_8.name());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            transformer.transform(new DOMSource(doc), new StreamResult(out));
            return out.toByteArray();
        } catch (Exception e) {
            throw new IllegalStateException("cannot write a deployment descriptor: " + e, e);
        }
    }
}
