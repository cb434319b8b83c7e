{{/*
Shared named templates. Every object is named <prefix>-<component> (nce-catalog-service, nce-billing-worker,
nce-catalog-db, ...), the prefix being fullnameOverride or else the release name: releases do not collide.
*/}}

{{/* The prefix of every object name. Argument: root. */}}
{{- define "nce.fullname" -}}
{{- .Values.fullnameOverride | default .Release.Name | trunc 30 | trimSuffix "-" -}}
{{- end }}

{{/* An object's name: <prefix>-<component>. Argument: list root component. */}}
{{- define "nce.n" -}}
{{- printf "%s-%s" (include "nce.fullname" (index . 0)) (index . 1) | trunc 63 | trimSuffix "-" -}}
{{- end }}

{{/* The Strimzi Kafka cluster: kafka.strimzi.clusterName or <prefix>-kafka. Argument: root. */}}
{{- define "nce.kafkaCluster" -}}
{{- .Values.kafka.strimzi.clusterName | default (include "nce.n" (list . "kafka")) -}}
{{- end }}

{{/* The CloudNativePG cluster of a database: <prefix>-<database>-db. Argument: dict root, svc. */}}
{{- define "nce.dbCluster" -}}
{{- include "nce.n" (list .root (printf "%s-db" .svc.database.name)) -}}
{{- end }}

{{/* The Secret with a service's database login. Argument: dict root, svc. */}}
{{- define "nce.dbSecret" -}}
{{- if .svc.database.existingSecret -}}
{{- .svc.database.existingSecret -}}
{{- else if and .root.Values.postgresql.cnpg.enabled (not .svc.database.host) -}}
{{- printf "%s-app" (include "nce.dbCluster" .) -}}
{{- else -}}
{{- fail (printf "database.existingSecret of the service using database %s is required for an external database" .svc.database.name) -}}
{{- end -}}
{{- end }}

{{- define "nce.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" -}}
{{- end }}

{{/* Selector labels. Argument: dict root, name. */}}
{{- define "nce.selectorLabels" -}}
app.kubernetes.io/name: {{ .name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
{{- end }}

{{/* Common labels. Argument: dict root, name, component (optional). */}}
{{- define "nce.labels" -}}
{{ include "nce.selectorLabels" . }}
app.kubernetes.io/part-of: nce-platform
app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
helm.sh/chart: {{ include "nce.chart" .root }}
{{- with .component }}
app.kubernetes.io/component: {{ . }}
{{- end }}
{{- end }}

{{/*
A service's effective values: serviceDefaults overlaid with services.<name>. Argument: list root name.
Returns YAML; use with fromYaml.
*/}}
{{- define "nce.serviceValues" -}}
{{- $root := index . 0 -}}
{{- $name := index . 1 -}}
{{- $own := index $root.Values.services $name | default dict -}}
{{- toYaml (mergeOverwrite (deepCopy $root.Values.serviceDefaults) (deepCopy $own)) -}}
{{- end }}

{{/* The platform pods' ServiceAccount. Argument: root. */}}
{{- define "nce.serviceAccountName" -}}
{{- .Values.serviceAccount.name | default (include "nce.n" (list . "platform")) -}}
{{- end }}

{{/* Image reference of a service. Argument: dict root, name. */}}
{{- define "nce.image" -}}
{{- $img := .root.Values.image -}}
{{- printf "%s%s/%s:%s" ($img.registry | default "") $img.repository .name $img.tag -}}
{{- end }}

{{/* Kafka bootstrap servers. Argument: root. */}}
{{- define "nce.kafkaBootstrap" -}}
{{- $k := .Values.kafka -}}
{{- if $k.bootstrapServers -}}
{{- $k.bootstrapServers -}}
{{- else if $k.strimzi.createCluster -}}
{{- printf "%s-kafka-bootstrap:%d" (include "nce.kafkaCluster" .) (include "nce.strimziListenerPort" . | int) -}}
{{- else -}}
{{- fail "kafka.bootstrapServers is required when kafka.strimzi.createCluster=false" -}}
{{- end -}}
{{- end }}

{{/* Port of the Strimzi listener the chart renders: 9093 (TLS) or 9092 (plain). Argument: root. */}}
{{- define "nce.strimziListenerPort" -}}
{{- if include "nce.kafkaTls" . }}9093{{ else }}9092{{ end -}}
{{- end }}

{{/* "true" when Kafka connections use TLS. Argument: root. */}}
{{- define "nce.kafkaTls" -}}
{{- if has .Values.kafka.securityProtocol (list "SSL" "SASL_SSL") }}true{{ end -}}
{{- end }}

{{/* "true" when Kafka connections use SASL. Argument: root. */}}
{{- define "nce.kafkaSasl" -}}
{{- if has .Values.kafka.securityProtocol (list "SASL_PLAINTEXT" "SASL_SSL") }}true{{ end -}}
{{- end }}

{{/*
"true" when each service authenticates as its own Strimzi KafkaUser (SCRAM-SHA-512, ACLs of its own topics and
consumer groups): SASL, kafka.strimzi.users.create and no shared kafka.sasl.existingSecret. Argument: root.
*/}}
{{- define "nce.kafkaUsers" -}}
{{- $k := .Values.kafka -}}
{{- if and (include "nce.kafkaSasl" .) $k.strimzi.users.create (not $k.sasl.existingSecret) }}true{{ end -}}
{{- end }}

{{/* The Kafka user (KafkaUser name, its Secret's name) of a service. Argument: dict root, service. */}}
{{- define "nce.kafkaUserName" -}}
{{- include "nce.n" (list .root .service) -}}
{{- end }}

{{/* Checks the Kafka security values. Argument: root. */}}
{{- define "nce.validateKafka" -}}
{{- $k := .Values.kafka -}}
{{- if not (has $k.securityProtocol (list "PLAINTEXT" "SASL_PLAINTEXT" "SASL_SSL" "SSL")) -}}
{{- fail (printf "kafka.securityProtocol must be PLAINTEXT, SASL_PLAINTEXT, SASL_SSL or SSL, not %s" $k.securityProtocol) -}}
{{- end -}}
{{- if and (include "nce.kafkaSasl" .) (not $k.sasl.existingSecret) (not $k.strimzi.users.create) -}}
{{- fail "kafka.sasl.existingSecret is required with a SASL security protocol when kafka.strimzi.users.create=false" -}}
{{- end -}}
{{- if and (include "nce.kafkaSasl" .) (not (has $k.sasl.mechanism (list "SCRAM-SHA-512" "SCRAM-SHA-256" "PLAIN"))) -}}
{{- fail (printf "kafka.sasl.mechanism must be SCRAM-SHA-512, SCRAM-SHA-256 or PLAIN, not %s" $k.sasl.mechanism) -}}
{{- end -}}
{{- if and (or $k.strimzi.createCluster (include "nce.kafkaUsers" .)) (include "nce.kafkaSasl" .) (ne $k.sasl.mechanism "SCRAM-SHA-512") -}}
{{- fail "the Strimzi cluster and KafkaUsers rendered by this chart authenticate with SCRAM-SHA-512 only: set kafka.sasl.mechanism" -}}
{{- end -}}
{{- if and (include "nce.kafkaTls" .) (not $k.tls.caSecret.name) (not $k.strimzi.createCluster) -}}
{{- fail "kafka.tls.caSecret.name is required with SSL / SASL_SSL and an external Kafka" -}}
{{- end -}}
{{- end }}

{{/* The platform's Kafka topic names, "|"-separated. Argument: root. */}}
{{- define "nce.topicNames" -}}
{{- $t := .Values.kafka.topics -}}
{{- join "|" (list $t.offers.name $t.subscriptionEvents.name $t.invoiceTasks.name $t.invoices.name) -}}
{{- end }}

{{/* Every consumer group of the platform, sorted. Argument: root. */}}
{{- define "nce.consumerGroups" -}}
{{- $groups := list -}}
{{- range $name, $_ := .Values.services -}}
{{- $svc := include "nce.serviceValues" (list $ $name) | fromYaml -}}
{{- if $svc.enabled -}}
{{- $groups = concat $groups $svc.kafka.groups -}}
{{- end -}}
{{- end -}}
{{- if .Values.billing.worker.enabled -}}
{{- $groups = append $groups .Values.billing.worker.consumerGroup -}}
{{- end -}}
{{- toJson (sortAlpha (uniq $groups)) -}}
{{- end }}

{{/* Host of a service's PostgreSQL. Argument: dict root, svc. */}}
{{- define "nce.dbHost" -}}
{{- if .svc.database.host -}}
{{- .svc.database.host -}}
{{- else if .root.Values.postgresql.cnpg.enabled -}}
{{- printf "%s-rw" (include "nce.dbCluster" .) -}}
{{- else -}}
{{- fail (printf "database.host of the service using database %s is required when postgresql.cnpg.enabled=false" .svc.database.name) -}}
{{- end -}}
{{- end }}

{{/*
The non-secret configuration of a service (the ConfigMap's data). Argument: dict root, name, svc.
Also hashed into the pod annotations so that a change rolls the pods.
*/}}
{{- define "nce.configData" -}}
{{- $root := .root -}}
{{- $svc := .svc -}}
{{- $k := $root.Values.kafka -}}
{{- $dbHost := include "nce.dbHost" . -}}
{{- $dbPort := $svc.database.port | default $root.Values.postgresql.port | int -}}
{{- $data := dict
  "QUARKUS_HTTP_PORT" ($svc.port | int | toString)
  "NCE_CLOCK_MODE" $root.Values.clock.mode
  "KAFKA_BOOTSTRAP_SERVERS" (include "nce.kafkaBootstrap" $root)
  "KAFKA_SECURITY_PROTOCOL" $k.securityProtocol
  "QUARKUS_DATASOURCE_JDBC_URL" (printf "jdbc:postgresql://%s:%d/%s" $dbHost $dbPort $svc.database.name)
  "QUARKUS_FLYWAY_MIGRATE_AT_START" ($root.Values.flyway.migrateAtStart | toString)
  "MP_JWT_VERIFY_ISSUER" $root.Values.jwt.issuer
  "MP_JWT_VERIFY_PUBLICKEY_LOCATION" (printf "file:%s/%s" $root.Values.jwt.mountPath $root.Values.jwt.publicKeySecret.key)
  "QUARKUS_HTTP_AUTH_PERMISSION_OPS_PATHS" "/q/openapi,/q/openapi/*,/q/swagger-ui,/q/swagger-ui/*"
-}}
{{- if include "nce.kafkaSasl" $root -}}
{{- $_ := set $data "KAFKA_SASL_MECHANISM" $k.sasl.mechanism -}}
{{- end -}}
{{- if include "nce.kafkaTls" $root -}}
{{- $_ := set $data "KAFKA_SSL_TRUSTSTORE_TYPE" "PEM" -}}
{{- $_ := set $data "KAFKA_SSL_TRUSTSTORE_LOCATION" (printf "%s/%s" $k.tls.mountPath $k.tls.caSecret.key) -}}
{{- end -}}
{{- if eq .name "subscription-service" -}}
{{- $catalog := include "nce.serviceValues" (list $root "catalog-service") | fromYaml -}}
{{- $_ := set $data "QUARKUS_REST_CLIENT_CATALOG_URL" (printf "http://%s:%d" (include "nce.n" (list $root "catalog-service")) ($catalog.port | int)) -}}
{{- end -}}
{{- if and (eq .name "billing-service") $root.Values.billing.sellerProfile -}}
{{- /* issue 18: the seller profile of the first start, stored only while billing has none */ -}}
{{- $_ := set $data "NCE_SELLER_PROFILE_INITIAL" ($root.Values.billing.sellerProfile | toJson) -}}
{{- end -}}
{{- if eq .name "notification-service" -}}
{{- /* NOTICE_* reminders read the next term's price from subscription-service's GET /v1/renewals */ -}}
{{- $subscription := include "nce.serviceValues" (list $root "subscription-service") | fromYaml -}}
{{- $_ := set $data "QUARKUS_REST_CLIENT_SUBSCRIPTION_URL" (printf "http://%s:%d" (include "nce.n" (list $root "subscription-service")) ($subscription.port | int)) -}}
{{- end -}}
{{- with $svc.mailer -}}
{{- /* the webhook URL check of notification-service and its egress NetworkPolicy read the same values */ -}}
{{- $_ := set $data "NCE_WEBHOOKS_ALLOW_PRIVATE_TARGETS" ($root.Values.webhooks.allowPrivateAddresses | toString) -}}
{{- $_ := set $data "NCE_WEBHOOK_PORTS" (join "," $root.Values.webhooks.ports) -}}
{{- $_ := set $data "QUARKUS_MAILER_HOST" .host -}}
{{- $_ := set $data "QUARKUS_MAILER_PORT" (.port | int | toString) -}}
{{- $_ := set $data "QUARKUS_MAILER_FROM" .from -}}
{{- $_ := set $data "QUARKUS_MAILER_START_TLS" .startTls -}}
{{- end -}}
{{- range $key, $value := $svc.config -}}
{{- $_ := set $data $key ($value | toString) -}}
{{- end -}}
{{- toYaml $data -}}
{{- end }}

{{/*
Environment from Secrets (secretKeyRef only). Argument: dict root, service, svc.
*/}}
{{- define "nce.secretEnv" -}}
{{- $k := .root.Values.kafka -}}
- name: QUARKUS_DATASOURCE_USERNAME
  valueFrom:
    secretKeyRef:
      name: {{ include "nce.dbSecret" . }}
      key: {{ .svc.database.usernameKey }}
- name: QUARKUS_DATASOURCE_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ include "nce.dbSecret" . }}
      key: {{ .svc.database.passwordKey }}
{{- if include "nce.kafkaUsers" .root }}
{{- $user := include "nce.kafkaUserName" (dict "root" .root "service" .service) }}
# the service's own KafkaUser: Strimzi's user operator writes its password to the Secret named after the user
- name: NCE_KAFKA_USERNAME
  value: {{ $user }}
- name: NCE_KAFKA_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ $user }}
      key: password
{{- else if include "nce.kafkaSasl" .root }}
- name: NCE_KAFKA_USERNAME
  valueFrom:
    secretKeyRef:
      name: {{ $k.sasl.existingSecret }}
      key: {{ $k.sasl.usernameKey }}
- name: NCE_KAFKA_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ $k.sasl.existingSecret }}
      key: {{ $k.sasl.passwordKey }}
{{- end }}
{{- if include "nce.kafkaSasl" .root }}
{{- $module := ternary "org.apache.kafka.common.security.plain.PlainLoginModule" "org.apache.kafka.common.security.scram.ScramLoginModule" (eq $k.sasl.mechanism "PLAIN") }}
# composed by the kubelet from the two variables above; no credential is written in the chart
- name: KAFKA_SASL_JAAS_CONFIG
  value: {{ printf "%s required username=\"$(NCE_KAFKA_USERNAME)\" password=\"$(NCE_KAFKA_PASSWORD)\";" $module | quote }}
{{- end }}
{{- range $envName, $ref := .svc.secretEnv }}
- name: {{ $envName }}
  valueFrom:
    secretKeyRef:
      name: {{ required (printf "secretEnv.%s.name" $envName) $ref.name }}
      key: {{ required (printf "secretEnv.%s.key" $envName) $ref.key }}
{{- end }}
{{- with .svc.mailer }}
{{- if .existingSecret }}
- name: QUARKUS_MAILER_USERNAME
  valueFrom:
    secretKeyRef:
      name: {{ .existingSecret }}
      key: {{ .usernameKey }}
- name: QUARKUS_MAILER_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ .existingSecret }}
      key: {{ .passwordKey }}
{{- end }}
{{- end }}
{{- end }}

{{/*
A Deployment of one of the platform's images. Argument: dict
  root, name (Deployment name), container (its container's name), image (service artifactId), svc (effective
  values), component (api | worker),
  configMap (name), configChecksum, extraEnv (list of {name,value}), and replicas unless an autoscaler owns them.
*/}}
{{- define "nce.deployment" -}}
{{- $root := .root -}}
{{- $svc := .svc -}}
{{- $labelArgs := dict "root" $root "name" .container "component" .component -}}
{{- $probes := $svc.probes -}}
apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ .name }}
  labels:
    {{- include "nce.labels" $labelArgs | nindent 4 }}
spec:
  {{- if hasKey . "replicas" }}
  replicas: {{ .replicas }}
  {{- end }}
  revisionHistoryLimit: 5
  selector:
    matchLabels:
      {{- include "nce.selectorLabels" $labelArgs | nindent 6 }}
  strategy:
    type: RollingUpdate
    rollingUpdate:
      maxSurge: 1
      maxUnavailable: 0
  template:
    metadata:
      labels:
        {{- include "nce.labels" $labelArgs | nindent 8 }}
      annotations:
        checksum/config: {{ .configChecksum }}
        {{- with $svc.podAnnotations }}
        {{- toYaml . | nindent 8 }}
        {{- end }}
    spec:
      serviceAccountName: {{ include "nce.serviceAccountName" $root }}
      automountServiceAccountToken: false
      {{- with $root.Values.image.pullSecrets }}
      imagePullSecrets:
        {{- range . }}
        - name: {{ . }}
        {{- end }}
      {{- end }}
      securityContext:
        runAsNonRoot: true
        runAsUser: 185
        runAsGroup: 185
        fsGroup: 185
        seccompProfile:
          type: RuntimeDefault
      terminationGracePeriodSeconds: 30
      {{- if $svc.spreadAcrossNodes }}
      topologySpreadConstraints:
        - maxSkew: 1
          topologyKey: kubernetes.io/hostname
          whenUnsatisfiable: ScheduleAnyway
          labelSelector:
            matchLabels:
              {{- include "nce.selectorLabels" $labelArgs | nindent 14 }}
      {{- end }}
      {{- with $svc.nodeSelector }}
      nodeSelector:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- with $svc.tolerations }}
      tolerations:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      containers:
        - name: {{ .container }}
          image: {{ include "nce.image" (dict "root" $root "name" .image) }}
          imagePullPolicy: {{ $root.Values.image.pullPolicy }}
          ports:
            - name: http
              containerPort: {{ $svc.port }}
              protocol: TCP
          envFrom:
            - configMapRef:
                name: {{ .configMap }}
          env:
            {{- with .extraEnv }}
            {{- toYaml . | nindent 12 }}
            {{- end }}
            {{- include "nce.secretEnv" (dict "root" $root "service" .image "svc" $svc) | nindent 12 }}
          startupProbe:
            httpGet:
              path: /q/health/started
              port: http
            periodSeconds: {{ $probes.startup.periodSeconds }}
            timeoutSeconds: {{ $probes.startup.timeoutSeconds }}
            failureThreshold: {{ $probes.startup.failureThreshold }}
          livenessProbe:
            httpGet:
              path: /q/health/live
              port: http
            periodSeconds: {{ $probes.liveness.periodSeconds }}
            timeoutSeconds: {{ $probes.liveness.timeoutSeconds }}
            failureThreshold: {{ $probes.liveness.failureThreshold }}
          readinessProbe:
            httpGet:
              path: /q/health/ready
              port: http
            periodSeconds: {{ $probes.readiness.periodSeconds }}
            timeoutSeconds: {{ $probes.readiness.timeoutSeconds }}
            failureThreshold: {{ $probes.readiness.failureThreshold }}
          resources:
            {{- toYaml $svc.resources | nindent 12 }}
          securityContext:
            runAsNonRoot: true
            runAsUser: 185
            allowPrivilegeEscalation: false
            readOnlyRootFilesystem: true
            capabilities:
              drop: [ALL]
          volumeMounts:
            - name: tmp
              mountPath: /tmp
            - name: jwt-public-key
              mountPath: {{ $root.Values.jwt.mountPath }}
              readOnly: true
            {{- if include "nce.kafkaTls" $root }}
            - name: kafka-ca
              mountPath: {{ $root.Values.kafka.tls.mountPath }}
              readOnly: true
            {{- end }}
            {{- range $svc.secretMounts }}
            - name: {{ .name }}
              mountPath: {{ .mountPath }}
              readOnly: true
            {{- end }}
      volumes:
        - name: tmp
          emptyDir:
            sizeLimit: 256Mi
        - name: jwt-public-key
          secret:
            secretName: {{ $root.Values.jwt.publicKeySecret.name }}
            defaultMode: 288  # 0440
            items:
              - key: {{ $root.Values.jwt.publicKeySecret.key }}
                path: {{ $root.Values.jwt.publicKeySecret.key }}
        {{- if include "nce.kafkaTls" $root }}
        - name: kafka-ca
          secret:
            secretName: {{ include "nce.kafkaCaSecret" $root }}
            defaultMode: 288  # 0440
            items:
              - key: {{ $root.Values.kafka.tls.caSecret.key }}
                path: {{ $root.Values.kafka.tls.caSecret.key }}
        {{- end }}
        {{- range $svc.secretMounts }}
        - name: {{ .name }}
          secret:
            secretName: {{ .secretName }}
            defaultMode: 288  # 0440
        {{- end }}
{{- end }}

{{/* The Secret of the Kafka cluster CA: kafka.tls.caSecret.name or Strimzi's <cluster>-cluster-ca-cert. Argument: root. */}}
{{- define "nce.kafkaCaSecret" -}}
{{- .Values.kafka.tls.caSecret.name | default (printf "%s-cluster-ca-cert" (include "nce.kafkaCluster" .)) -}}
{{- end }}

{{/* KEDA's name for a SASL mechanism. Argument: mechanism. */}}
{{- define "nce.kedaSasl" -}}
{{- get (dict "SCRAM-SHA-512" "scram_sha512" "SCRAM-SHA-256" "scram_sha256" "PLAIN" "plaintext") . -}}
{{- end }}
