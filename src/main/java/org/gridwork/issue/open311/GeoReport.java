package org.gridwork.issue.open311;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;
import tools.jackson.dataformat.xml.annotation.JacksonXmlElementWrapper;
import tools.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import tools.jackson.dataformat.xml.annotation.JacksonXmlRootElement;

/**
 * The GeoReport v2 documents (http://wiki.open311.org/GeoReport_v2), written by Jackson as JSON or
 * XML. Field names are the specification's (snake case, in its order); in XML a list is an element
 * with one child per entry, named as the specification names them (services/service,
 * service_requests/request, errors/error), while in JSON the same document is a plain array.
 */
final class GeoReport {

    private GeoReport() {
    }

    /** A document: what JSON writes is the document itself, or for the root lists the bare array. */
    interface Document {
        @JsonIgnore
        default Object json() {
            return this;
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Service(String serviceCode, String serviceName, String description, boolean metadata, String type,
            String keywords, String group) {
    }

    @JacksonXmlRootElement(localName = "services")
    record Services(@JacksonXmlElementWrapper(useWrapping = false) @JacksonXmlProperty(localName = "service")
            List<Service> services) implements Document {
        @Override
        public Object json() {
            return services;
        }
    }

    /** No service asks for more than its description: the attribute list is always empty. */
    @JacksonXmlRootElement(localName = "service_definition")
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record ServiceDefinition(String serviceCode,
            @JacksonXmlElementWrapper(localName = "attributes") @JacksonXmlProperty(localName = "attribute")
            List<Object> attributes) implements Document {
    }

    /** A request as the public sees it; what the specification has and Gridwork does not keep is null. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record ServiceRequest(String serviceRequestId, String status, String statusNotes, String serviceName,
            String serviceCode, String description, String agencyResponsible, String serviceNotice,
            String requestedDatetime, String updatedDatetime, String expectedDatetime, String address,
            String addressId, String zipcode, Double lat,
            @JsonProperty("long") Double longitude, String mediaUrl) {
    }

    /** The answer to a POST: the new request's id (a token is never needed, the id is given at once). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Created(String serviceRequestId, String serviceNotice, String accountId) {
    }

    @JacksonXmlRootElement(localName = "service_requests")
    record ServiceRequests(@JacksonXmlElementWrapper(useWrapping = false) @JacksonXmlProperty(localName = "request")
            List<?> requests) implements Document {
        @Override
        public Object json() {
            return requests;
        }
    }

    record Error(int code, String description) {
    }

    @JacksonXmlRootElement(localName = "errors")
    record Errors(@JacksonXmlElementWrapper(useWrapping = false) @JacksonXmlProperty(localName = "error")
            List<Error> errors) implements Document {
        @Override
        public Object json() {
            return errors;
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Endpoint(String specification, String url, String changeset, String type,
            @JacksonXmlElementWrapper(localName = "formats") @JacksonXmlProperty(localName = "format")
            List<String> formats) {
    }

    @JacksonXmlRootElement(localName = "discovery")
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Discovery(String changeset, String contact, String keyService,
            @JacksonXmlElementWrapper(localName = "endpoints") @JacksonXmlProperty(localName = "endpoint")
            List<Endpoint> endpoints) implements Document {
    }
}
