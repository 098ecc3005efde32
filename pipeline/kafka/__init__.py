"""Everything that talks to Kafka; ``faust`` and ``aiokafka`` are imported here and nowhere else.

- ``app``: the Faust application
- ``agent``: the enrichment agent (raw topic → runner → enriched or dead-letter topic)
- ``exactly_once``: the agent's batches in Kafka transactions, aborted on rebalance, refused when fenced
- ``transactions``: one transactional producer per input partition (the fencing) and its commits
- ``monitors``: consumer lag and broker reachability, measured inside a worker
- ``worker``: starting a worker process
- ``topics``: creating the topics with their size limits
- ``security``: connection settings (SASL, TLS) shared by every client
- ``client``: producing raw articles and reading the output topics
- ``broker``: the embedded single-node broker for development, tests and the demo

The runner (:mod:`pipeline.enrich`) and the stages know nothing of this
package; ``tests/unit/test_layout.py`` keeps the Kafka clients inside it.
Importing the package itself loads no Kafka client: each module is imported
by what needs it, so offline commands (``wirestream enrich``) never pay for it.
"""
