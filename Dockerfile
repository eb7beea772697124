# Production image: build with the Maven wrapper, run on a JRE as a non-root user.
# The health check uses bash's /dev/tcp: the JRE image need not ship curl or wget.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY mvnw pom.xml ./
COPY .mvn .mvn
RUN ./mvnw -B -q dependency:go-offline
COPY src src
# extracted (application jar + lib/): classes load from plain jars, which starts faster than the
# nested jars of the executable one
RUN ./mvnw -B -q package -DskipTests && cp target/gridwork-*.jar /gridwork.jar \
 && java -Djarmode=tools -jar /gridwork.jar extract --destination /gridwork

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 gridwork && mkdir -p /var/lib/gridwork && chown gridwork /var/lib/gridwork
USER gridwork
WORKDIR /var/lib/gridwork
COPY --from=build /gridwork /opt/gridwork
EXPOSE 8080
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75"
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=5 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /actuator/health HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3 && grep -q UP <&3"]
ENTRYPOINT ["java", "-jar", "/opt/gridwork/gridwork.jar"]
