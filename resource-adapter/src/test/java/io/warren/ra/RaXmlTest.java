package io.warren.ra;

import static org.assertj.core.api.Assertions.assertThat;

import java.beans.Introspector;
import java.beans.PropertyDescriptor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** The deployment descriptor names classes that exist, implement what it says, and have the properties it lists. */
class RaXmlTest {
    private static Document raXml;

    @BeforeAll
    static void parse() throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        raXml = f.newDocumentBuilder().parse(Path.of("src/main/rar/META-INF/ra.xml").toFile());
    }

    private static List<Element> elements(Node parent, String name) {
        NodeList nodes = parent instanceof Document d ? d.getElementsByTagNameNS("*", name)
                : ((Element) parent).getElementsByTagNameNS("*", name);
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add((Element) nodes.item(i));
        }
        return out;
    }

    private static String text(Node parent, String name) {
        return elements(parent, name).get(0).getTextContent().trim();
    }

    private static Class<?> load(String name) throws ClassNotFoundException {
        return Class.forName(name, false, RaXmlTest.class.getClassLoader());
    }

    /** Each config-property directly under {@code owner} is a writable bean property of its class. */
    private static void assertPropertiesExist(Element owner, Class<?> type) throws Exception {
        PropertyDescriptor[] props = Introspector.getBeanInfo(type).getPropertyDescriptors();
        for (Element p : elements(owner, "config-property")) {
            if (p.getParentNode() != owner) {
                continue;
            }
            String name = text(p, "config-property-name");
            assertThat(Arrays.stream(props).filter(d -> d.getName().equalsIgnoreCase(name)
                    && d.getWriteMethod() != null)).as("%s has a setter for %s", type.getSimpleName(), name)
                    .isNotEmpty();
        }
    }

    @Test
    void declaresVersion21OfTheConnectorsSchema() {
        assertThat(raXml.getDocumentElement().getAttribute("version")).isEqualTo("2.1");
        assertThat(raXml.getDocumentElement().getNamespaceURI()).isEqualTo("https://jakarta.ee/xml/ns/jakartaee");
    }

    @Test
    void resourceAdapterClassAndItsPropertiesExist() throws Exception {
        Element ra = elements(raXml, "resourceadapter").get(0);
        Class<?> type = load(text(ra, "resourceadapter-class"));
        assertThat(type).isEqualTo(WarrenResourceAdapter.class);
        assertPropertiesExist(ra, type);
    }

    @Test
    void connectionDefinitionsOfferTheThreeJmsFactoryInterfacesWithXaTransactions() throws Exception {
        List<String> interfaces = new ArrayList<>();
        for (Element def : elements(raXml, "connection-definition")) {
            Class<?> mcf = load(text(def, "managedconnectionfactory-class"));
            assertPropertiesExist(def, mcf);
            Class<?> cfInterface = load(text(def, "connectionfactory-interface"));
            assertThat(cfInterface).isAssignableFrom(load(text(def, "connectionfactory-impl-class")));
            assertThat(load(text(def, "connection-interface")))
                    .isAssignableFrom(load(text(def, "connection-impl-class")));
            interfaces.add(cfInterface.getName());
        }
        assertThat(interfaces).containsExactly("jakarta.jms.ConnectionFactory", "jakarta.jms.QueueConnectionFactory",
                "jakarta.jms.TopicConnectionFactory");
        assertThat(text(raXml, "transaction-support")).isEqualTo("XATransaction");
    }

    @Test
    void messageListenerActivationSpecHasEveryStandardProperty() throws Exception {
        Element spec = elements(raXml, "activationspec").get(0);
        assertThat(text(raXml, "messagelistener-type")).isEqualTo("jakarta.jms.MessageListener");
        Class<?> type = load(text(spec, "activationspec-class"));
        assertPropertiesExist(spec, type);
        List<String> declared = elements(spec, "config-property-name").stream().map(e -> e.getTextContent().trim())
                .toList();
        assertThat(declared).contains("destination", "destinationLookup", "destinationType", "messageSelector",
                "acknowledgeMode", "subscriptionDurability", "subscriptionName", "clientId", "shareSubscriptions",
                "maxSession", "connectionUrl", "user", "password");
        assertThat(text(elements(spec, "required-config-property").get(0), "config-property-name"))
                .isEqualTo("destination");
    }

    @Test
    void adminObjectsAreQueuesAndTopics() throws Exception {
        for (Element admin : elements(raXml, "adminobject")) {
            Class<?> type = load(text(admin, "adminobject-class"));
            assertThat(load(text(admin, "adminobject-interface"))).isAssignableFrom(type);
            assertPropertiesExist(admin, type);
        }
    }
}
