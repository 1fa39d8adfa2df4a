/// The OpenAPI 3.1 description served at `GET /openapi.yaml`. `APIContractTests` checks the
/// CLI's and the server's JSON against its schemas (every key written must be declared), and
/// schemathesis checks the live server against it (Scripts/api-check.sh).
public enum OpenAPIDocument {
    public static let yaml = paths + components

    /// The document up to its components: the header and every path.
    static let paths = #"""
openapi: 3.1.0
info:
  title: HangViet
  version: 0.1.0
  summary: Is this Vietnamese goods? Offline, honest answers from barcodes.
  description: |
    Verdicts never claim more than their evidence: prefix 893 means a number licensed through
    GS1 Vietnam, not goods made in Viet Nam; only GS1 AI 422 declares a country of origin; a
    valid barcode does not prove a genuine product. Responses are the same JSON as the CLI's
    `--format json`. `Accept-Language: vi` gives messages in Vietnamese (default English).
servers:
  - url: http://127.0.0.1:8080
paths:
  /v1/codes/{code}:
    get:
      operationId: checkCode
      summary: One verdict for a barcode number, GS1 element string or Digital Link (percent-encoded).
      parameters:
        - name: code
          in: path
          required: true
          schema: {type: string, minLength: 1, maxLength: 512}
          example: "8934563138165"
        - $ref: '#/components/parameters/AcceptLanguage'
      responses:
        '200':
          description: The verdict (also for invalid codes, with outcome "invalid").
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Verdict'}
        '400': {$ref: '#/components/responses/Error'}
        '429': {$ref: '#/components/responses/Error'}
        '503': {$ref: '#/components/responses/Error'}
  /v1/codes:
    post:
      operationId: checkCodes
      summary: Verdicts for a JSON array of codes (at most 1000 by default).
      parameters:
        - $ref: '#/components/parameters/AcceptLanguage'
      requestBody:
        required: true
        content:
          application/json:
            schema:
              oneOf:
                - type: array
                  items: {type: string}
                - type: object
                  required: [codes]
                  properties:
                    codes:
                      type: array
                      items: {type: string}
            example: ["8934563138165", "9786045823453"]
      responses:
        '200':
          description: One verdict per code, in order.
          content:
            application/json:
              schema:
                type: array
                items: {$ref: '#/components/schemas/Verdict'}
        '400': {$ref: '#/components/responses/Error'}
        '413': {$ref: '#/components/responses/Error'}
        '429': {$ref: '#/components/responses/Error'}
        '503': {$ref: '#/components/responses/Error'}
  /v1/scan:
    post:
      operationId: scanImage
      summary: Decode the barcodes in a photo (JPEG, PNG, WebP, HEIC/HEIF, PGM/PPM, BMP) and give each code's verdict.
      parameters:
        - $ref: '#/components/parameters/AcceptLanguage'
      requestBody:
        required: true
        content:
          image/*:
            schema: {type: string, format: binary}
          application/octet-stream:
            schema: {type: string, format: binary}
          multipart/form-data:
            schema:
              type: object
              properties:
                image: {type: string, format: binary}
      responses:
        '200':
          description: The scan report (status "ok" with codes, or "no-code").
          content:
            application/json:
              schema: {$ref: '#/components/schemas/ScanReport'}
        '400': {$ref: '#/components/responses/Error'}
        '413': {$ref: '#/components/responses/Error'}
        '415': {$ref: '#/components/responses/Error'}
        '422': {$ref: '#/components/responses/Error'}
        '429': {$ref: '#/components/responses/Error'}
        '503': {$ref: '#/components/responses/Error'}
  /v1/registry/search:
    get:
      operationId: searchRegistry
      summary: Search the registry (brands, GTINs, OCOP products, geographical indications), ignoring case and diacritics.
      parameters:
        - name: q
          in: query
          required: true
          schema: {type: string, minLength: 1, maxLength: 200}
          example: nuoc mam phu quoc
        - name: limit
          in: query
          required: false
          schema: {type: integer, minimum: 1, maximum: 50, default: 20}
      responses:
        '200':
          description: Matching entries, best first, each with its source.
          content:
            application/json:
              schema:
                type: array
                items: {$ref: '#/components/schemas/RegistryEntry'}
        '400': {$ref: '#/components/responses/Error'}
        '429': {$ref: '#/components/responses/Error'}
        '503': {$ref: '#/components/responses/Error'}
  /v1/hotlines:
    get:
      operationId: hotlines
      summary: Where to report counterfeit, smuggled or unsafe goods; national lines first, each with its date and source.
      responses:
        '200':
          description: The hotlines (numbers as printed at their source's date).
          content:
            application/json:
              schema:
                type: array
                items: {$ref: '#/components/schemas/Hotline'}
  /v1/inventory:
    post:
      operationId: checkInventory
      summary: Check an inventory (CSV, TSV or an Excel .xlsx workbook) as `hangviet batch` does, with the share of Vietnamese goods.
      parameters:
        - $ref: '#/components/parameters/AcceptLanguage'
        - name: name
          in: query
          required: false
          schema: {type: string, maxLength: 200}
          description: The file's name, used in messages and in the report.
        - name: column
          in: query
          required: false
          schema: {type: string, maxLength: 200}
          description: The barcode column (its header or its number, 1 = first); found by its header when absent.
        - name: quantity
          in: query
          required: false
          schema: {type: string, maxLength: 200}
          description: The quantity column, for shares by quantity.
        - name: price
          in: query
          required: false
          schema: {type: string, maxLength: 200}
          description: The unit price column, for shares by value.
        - name: output
          in: query
          required: false
          schema: {type: string, enum: [json, csv]}
          description: csv gives only the checked rows (as does Accept text/csv).
      requestBody:
        required: true
        content:
          text/csv:
            schema: {type: string, format: binary}
          text/tab-separated-values:
            schema: {type: string, format: binary}
          application/vnd.openxmlformats-officedocument.spreadsheetml.sheet:
            schema: {type: string, format: binary}
          multipart/form-data:
            schema:
              type: object
              properties:
                file: {type: string, format: binary}
      responses:
        '200':
          description: The summary (as `batch --summary`), the report section (as in `batch --report`) and the checked rows (as `batch` writes them).
          content:
            application/json:
              schema: {$ref: '#/components/schemas/InventoryAnswer'}
            text/csv:
              schema: {type: string}
        '400': {$ref: '#/components/responses/Error'}
        '413': {$ref: '#/components/responses/Error'}
        '415': {$ref: '#/components/responses/Error'}
        '422': {$ref: '#/components/responses/Error'}
        '429': {$ref: '#/components/responses/Error'}
        '503': {$ref: '#/components/responses/Error'}
  /:
    get:
      operationId: webPage
      summary: The web page for shoppers and shop staff (Vietnamese by default; ?lang=en switches and is remembered in a cookie).
      parameters:
        - name: lang
          in: query
          required: false
          schema: {type: string}
          description: vi or en switches the page's language (remembered in a cookie); any other value is ignored.
      responses:
        '200':
          description: The page (self-contained; its script and style sheet are under /assets/).
          content:
            text/html:
              schema: {type: string}
        '304':
          description: Not modified (If-None-Match matched the ETag).
  /healthz:
    get:
      operationId: health
      summary: The process is up.
      responses:
        '200':
          description: OK
          content:
            application/json:
              schema:
                type: object
                required: [status]
                properties:
                  status: {type: string, const: ok}
  /readyz:
    get:
      operationId: ready
      summary: The server takes requests (503 while shutting down). Ready once a registry snapshot is loaded; "degraded" while a shared (PostgreSQL) registry is away and the last snapshot answers.
      responses:
        '200':
          description: Ready, or degraded (still answering)
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Readiness'}
        '503': {$ref: '#/components/responses/Error'}
  /metrics:
    get:
      operationId: metrics
      summary: Prometheus text metrics (requests, latencies, scans).
      responses:
        '200':
          description: Prometheus exposition format
          content:
            text/plain:
              schema: {type: string}
  /openapi.yaml:
    get:
      operationId: openapi
      summary: This document.
      responses:
        '200':
          description: OpenAPI 3.1
          content:
            application/yaml:
              schema: {type: string}

"""#
}
