#!/usr/bin/env bash
# Deploy recipe: Rootline on Cloud Run with Cloud SQL for PostgreSQL, fed by a Log Router sink through Pub/Sub push
# with OIDC (and a dead-letter topic), or, as the alternative, pulling from the Cloud Logging API.
# Read it, set the variables, and run it step by step; every command is idempotent enough to re-run by hand.
set -euo pipefail

PROJECT=my-project
REGION=europe-west1
SQL_INSTANCE=rootline-db
IMAGE="$REGION-docker.pkg.dev/$PROJECT/rootline/rootline:latest"
RUNTIME_SA="rootline@$PROJECT.iam.gserviceaccount.com"     # Rootline's own identity
PUSH_SA="rootline-push@$PROJECT.iam.gserviceaccount.com"   # the identity Pub/Sub pushes as
# Which entries Rootline sees: Cloud Run revisions' logs, everything from DEFAULT up.
SINK_FILTER='resource.type="cloud_run_revision" OR resource.type="k8s_container"'

gcloud config set project "$PROJECT"

# 1. Database: Cloud SQL for PostgreSQL 16 on a private IP of the default VPC (which needs private services access),
#    and the image (the PostgreSQL build: ./mvnw package -Ppostgresql).
gcloud sql instances create "$SQL_INSTANCE" --database-version=POSTGRES_16 --region="$REGION" --tier=db-custom-1-3840 \
    --network=default --no-assign-ip
DB_IP=$(gcloud sql instances describe "$SQL_INSTANCE" --format='value(ipAddresses[0].ipAddress)')
gcloud sql databases create rootline --instance="$SQL_INSTANCE"
gcloud sql users create rootline --instance="$SQL_INSTANCE" --password="$(openssl rand -base64 24)"   # keep it in Secret Manager as rootline-db-password
gcloud artifacts repositories create rootline --repository-format=docker --location="$REGION"
docker build -f docker/Dockerfile -t "$IMAGE" . && docker push "$IMAGE"

# 2. Rootline on Cloud Run, reaching Cloud SQL's private IP through Direct VPC egress. One instance at least, so the Slack dispatcher and
#    pull sources keep running; H2 is not used, so the data dir holds only the log index (use a volume for it to last).
gcloud iam service-accounts create rootline
gcloud projects add-iam-policy-binding "$PROJECT" --member="serviceAccount:$RUNTIME_SA" --role=roles/logging.viewer
gcloud run deploy rootline --image="$IMAGE" --region="$REGION" --service-account="$RUNTIME_SA" \
    --network=default --subnet=default --vpc-egress=private-ranges-only --min-instances=1 --max-instances=1 --memory=1Gi \
    --no-allow-unauthenticated \
    --set-env-vars="QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://$DB_IP:5432/rootline,QUARKUS_DATASOURCE_USERNAME=rootline,ROOTLINE_DATA_DIR=/data" \
    --set-secrets="QUARKUS_DATASOURCE_PASSWORD=rootline-db-password:latest,ROOTLINE_API_TOKEN=rootline-api-token:latest,ROOTLINE_SLACK_WEBHOOK_URL=rootline-slack-webhook:latest"
URL=$(gcloud run services describe rootline --region="$REGION" --format='value(status.url)')
gcloud run services update rootline --region="$REGION" --update-env-vars="ROOTLINE_PUBLIC_URL=$URL,ROOTLINE_PUBSUB_OIDC_AUDIENCE=$URL/api/v1/pubsub/push,ROOTLINE_PUBSUB_OIDC_SERVICE_ACCOUNTS=$PUSH_SA"

# 3. Push: a sink into a topic, a push subscription with OIDC and a dead-letter topic.
gcloud pubsub topics create rootline-logs
gcloud pubsub topics create rootline-logs-dead
gcloud logging sinks create rootline-sink "pubsub.googleapis.com/projects/$PROJECT/topics/rootline-logs" --log-filter="$SINK_FILTER"
SINK_WRITER=$(gcloud logging sinks describe rootline-sink --format='value(writerIdentity)')
gcloud pubsub topics add-iam-policy-binding rootline-logs --member="$SINK_WRITER" --role=roles/pubsub.publisher
gcloud iam service-accounts create rootline-push
gcloud run services add-iam-policy-binding rootline --region="$REGION" --member="serviceAccount:$PUSH_SA" --role=roles/run.invoker
PUBSUB_AGENT="service-$(gcloud projects describe "$PROJECT" --format='value(projectNumber)')@gcp-sa-pubsub.iam.gserviceaccount.com"
gcloud iam service-accounts add-iam-policy-binding "$PUSH_SA" --member="serviceAccount:$PUBSUB_AGENT" --role=roles/iam.serviceAccountTokenCreator
gcloud pubsub subscriptions create rootline-push --topic=rootline-logs \
    --push-endpoint="$URL/api/v1/pubsub/push" --push-auth-service-account="$PUSH_SA" \
    --push-auth-token-audience="$URL/api/v1/pubsub/push" \
    --ack-deadline=60 --min-retry-delay=10s --max-retry-delay=600s \
    --dead-letter-topic=rootline-logs-dead --max-delivery-attempts=10
gcloud pubsub topics add-iam-policy-binding rootline-logs-dead --member="serviceAccount:$PUBSUB_AGENT" --role=roles/pubsub.publisher
gcloud pubsub subscriptions add-iam-policy-binding rootline-push --member="serviceAccount:$PUBSUB_AGENT" --role=roles/pubsub.subscriber

# 4. Or pull instead of push: no sink, no topic. Rootline tails the Logging API itself with its own identity
#    (roles/logging.viewer, granted above), and backfills one overlap window when it starts. Add to the image a
#    config/application.properties beside the jar (/deployments/config/ in docker/Dockerfile's layout) with:
#      rootline.sources.logging.prod.project=my-project
#      rootline.sources.logging.prod.filter=resource.type="cloud_run_revision"

# 5. Or pull from a subscription: the sink and topic of step 3, but a pull subscription that Rootline reads by
#    streaming pull with its own identity. Nothing needs to reach Rootline from outside.
gcloud pubsub subscriptions create rootline-pull --topic=rootline-logs --ack-deadline=60 \
    --dead-letter-topic=rootline-logs-dead --max-delivery-attempts=10
gcloud pubsub subscriptions add-iam-policy-binding rootline-pull --member="serviceAccount:$RUNTIME_SA" --role=roles/pubsub.subscriber
#    and in config/application.properties:
#      rootline.sources.pubsub.sink.subscription=projects/my-project/subscriptions/rootline-pull

# 6. Several instances: share the log store as well as the database. Point every instance at an OpenSearch 2.x
#    cluster reachable from the VPC (self-managed on GCE/GKE, or a managed one), with its credentials in Secret
#    Manager, then lift the instance cap. Each instance then takes any push, batch or search: an entry pushed twice
#    is stored once, a pull source is polled by one instance at a time (a lease in Cloud SQL), and alerts go once.
OPENSEARCH_URL=https://opensearch.internal.example:9200
gcloud run services update rootline --region="$REGION" --min-instances=2 --max-instances=10 --memory=1Gi \
    --update-env-vars="ROOTLINE_STORE_KIND=opensearch,ROOTLINE_STORE_OPENSEARCH_HOSTS=$OPENSEARCH_URL,ROOTLINE_STORE_OPENSEARCH_USERNAME=rootline,ROOTLINE_STORE_OPENSEARCH_SHARDS=3,ROOTLINE_STORE_OPENSEARCH_REPLICAS=1" \
    --update-secrets="ROOTLINE_STORE_OPENSEARCH_PASSWORD=rootline-opensearch-password:latest"
