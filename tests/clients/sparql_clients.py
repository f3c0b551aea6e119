"""Runs SPARQL queries against an endpoint with two independent clients, SPARQLWrapper and
rdflib's SPARQLStore, and prints their solutions as JSON: one object per query file, each
client's rows sorted, every cell as [kind, value, language or datatype].

usage: python3 sparql_clients.py ENDPOINT QUERY.rq...
"""
import json
import sys

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from SPARQLWrapper import JSON, SPARQLWrapper


def wrapper_rows(endpoint, query):
    client = SPARQLWrapper(endpoint)
    client.setQuery(query)
    client.setReturnFormat(JSON)
    client.setMethod("POST")
    result = client.query().convert()
    variables = result["head"]["vars"]
    rows = []
    for binding in result["results"]["bindings"]:
        row = []
        for v in variables:
            term = binding.get(v)
            if term is None:
                row.append(None)
            elif term["type"] == "uri":
                row.append(["iri", term["value"], None])
            elif term["type"] == "bnode":
                row.append(["bnode", "", None])
            else:
                row.append(["literal", term["value"], term.get("xml:lang") or term.get("datatype")])
        rows.append(row)
    return rows


def rdflib_rows(endpoint, query):
    graph = Graph(store=SPARQLStore(endpoint, returnFormat="json"))
    rows = []
    for solution in graph.query(query):
        row = []
        for term in solution:
            if term is None:
                row.append(None)
            elif isinstance(term, URIRef):
                row.append(["iri", str(term), None])
            elif isinstance(term, BNode):
                row.append(["bnode", "", None])
            elif isinstance(term, Literal):
                extra = term.language or (str(term.datatype) if term.datatype else None)
                row.append(["literal", str(term), extra])
        rows.append(row)
    return rows


def normalise(rows):
    # A plain literal is an xsd:string literal in RDF 1.1, whichever way a client reports it.
    xsd_string = "http://www.w3.org/2001/XMLSchema#string"
    out = []
    for row in rows:
        out.append([[c[0], c[1], None if c[2] == xsd_string else c[2]] if c else None for c in row])
    return sorted(out, key=json.dumps)


def main():
    endpoint = sys.argv[1]
    report = {}
    for path in sys.argv[2:]:
        with open(path, encoding="utf-8") as f:
            query = f.read()
        report[path] = {
            "sparqlwrapper": normalise(wrapper_rows(endpoint, query)),
            "rdflib": normalise(rdflib_rows(endpoint, query)),
        }
    json.dump(report, sys.stdout)


if __name__ == "__main__":
    main()
