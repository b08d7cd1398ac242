package org.erpinsight.sidecar.odata;

import java.util.ArrayList;
import java.util.List;

import org.apache.olingo.commons.api.edm.FullQualifiedName;
import org.apache.olingo.commons.api.edm.provider.CsdlAbstractEdmProvider;
import org.apache.olingo.commons.api.edm.provider.CsdlComplexType;
import org.apache.olingo.commons.api.edm.provider.CsdlEntityContainer;
import org.apache.olingo.commons.api.edm.provider.CsdlEntityContainerInfo;
import org.apache.olingo.commons.api.edm.provider.CsdlEntitySet;
import org.apache.olingo.commons.api.edm.provider.CsdlEntityType;
import org.apache.olingo.commons.api.edm.provider.CsdlProperty;
import org.apache.olingo.commons.api.edm.provider.CsdlPropertyRef;
import org.apache.olingo.commons.api.edm.provider.CsdlSchema;
import org.apache.olingo.commons.api.edm.EdmPrimitiveTypeKind;

/** The feed's entity data model ({@code $metadata}), made from the {@link Feeds}: one entity type and set per feed. */
final class ReportModel extends CsdlAbstractEdmProvider {
    static final String NAMESPACE = "ErpInsight";
    static final FullQualifiedName CONTAINER = new FullQualifiedName(NAMESPACE, "Reports");

    /** The decimals a figure may have. */
    static final int MAX_DECIMALS = 10;

    private final Feeds feeds;

    ReportModel(Feeds feeds) {
        this.feeds = feeds;
    }

    @Override
    public CsdlEntityType getEntityType(FullQualifiedName name) {
        if (!NAMESPACE.equals(name.getNamespace())) {
            return null;
        }
        for (Feed<?> feed : feeds.all()) {
            if (feed.type().equals(name.getName())) {
                List<CsdlProperty> properties = properties(feed.columns());
                // keys are never null; other figures may be (a customer without a credit limit)
                properties.stream().filter(p -> p.getName().equals(feed.key())).forEach(p -> p.setNullable(false));
                if (feed.lines() != null) {
                    properties.add(new CsdlProperty().setName(feed.lines().name()).setCollection(true)
                            .setType(new FullQualifiedName(NAMESPACE, feed.lines().type())));
                }
                return new CsdlEntityType().setName(feed.type()).setProperties(properties)
                        .setKey(List.of(new CsdlPropertyRef().setName(feed.key())));
            }
        }
        return null;
    }

    @Override
    public CsdlComplexType getComplexType(FullQualifiedName name) {
        for (Feed<?> feed : feeds.all()) {
            if (feed.lines() != null && NAMESPACE.equals(name.getNamespace()) && feed.lines().type().equals(name.getName())) {
                return new CsdlComplexType().setName(feed.lines().type()).setProperties(properties(feed.lines().columns()));
            }
        }
        return null;
    }

    private static List<CsdlProperty> properties(List<? extends Column<?>> columns) {
        List<CsdlProperty> properties = new ArrayList<>();
        for (Column<?> c : columns) {
            CsdlProperty p = new CsdlProperty().setName(c.name()).setType(c.type().getFullQualifiedName());
            if (c.type() == EdmPrimitiveTypeKind.Decimal) {
                // amounts keep the ERP's own scale (two decimals, unit prices up to four, hours as the ERP keeps them).
                // OData's default scale is 0, and Olingo's serializer checks values against the declared scale
                // (it does not honour "variable"): declare room for any figure an ERP keeps
                p.setScale(MAX_DECIMALS);
            }
            properties.add(p);
        }
        return properties;
    }

    @Override
    public CsdlEntitySet getEntitySet(FullQualifiedName container, String name) {
        if (!CONTAINER.equals(container)) {
            return null;
        }
        Feed<?> feed = feeds.feed(name);
        return feed == null ? null : new CsdlEntitySet().setName(feed.set()).setType(new FullQualifiedName(NAMESPACE, feed.type()));
    }

    @Override
    public CsdlEntityContainer getEntityContainer() {
        List<CsdlEntitySet> sets = new ArrayList<>();
        for (Feed<?> feed : feeds.all()) {
            sets.add(getEntitySet(CONTAINER, feed.set()));
        }
        return new CsdlEntityContainer().setName(CONTAINER.getName()).setEntitySets(sets);
    }

    @Override
    public CsdlEntityContainerInfo getEntityContainerInfo(FullQualifiedName name) {
        return name == null || CONTAINER.equals(name) ? new CsdlEntityContainerInfo().setContainerName(CONTAINER) : null;
    }

    @Override
    public List<CsdlSchema> getSchemas() {
        CsdlSchema schema = new CsdlSchema().setNamespace(NAMESPACE);
        List<CsdlEntityType> types = new ArrayList<>();
        List<CsdlComplexType> complex = new ArrayList<>();
        for (Feed<?> feed : feeds.all()) {
            if (types.stream().noneMatch(t -> t.getName().equals(feed.type()))) {
                types.add(getEntityType(new FullQualifiedName(NAMESPACE, feed.type())));
            }
            if (feed.lines() != null) {
                complex.add(getComplexType(new FullQualifiedName(NAMESPACE, feed.lines().type())));
            }
        }
        schema.setEntityTypes(types).setComplexTypes(complex).setEntityContainer(getEntityContainer());
        return List.of(schema);
    }
}
