"""Item models: the core's lists shown through Qt's model/view, so long lists stay smooth."""
