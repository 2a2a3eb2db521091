/* talkgraph.extract.linear_chain: the mention model's per-character work, compiled.
 *
 * Tagging a text with the mention model (mention_model.py) is three passes over its characters,
 * each done here in C because numpy's per-step calls and temporaries cost more than the
 * arithmetic itself:
 *
 *   StateScorer.state_scores  each character's state score per label: the weights its twelve
 *                             features have in the model's tables (mention_tables.py), added in
 *                             the templates' order, which is the order CRFsuite adds them
 *                             (crf1dt_state_score), so each score is CRFsuite's double;
 *   viterbi                   the best labels, as crf1dc_viterbi finds them (the same sums and
 *                             maxima; a tie goes to the lower label);
 *   marginals                 each position's label probabilities with CRFsuite's own arithmetic
 *                             (crf1dc_exp_state, crf1dc_alpha_score, crf1dc_beta_score,
 *                             crf1dc_marginal_point: the C library's exp, its scaling, its
 *                             summation order), so every probability is CRFsuite's to the bit.
 *
 * Arrays come and go through the buffer protocol (numpy arrays on the Python side); outputs are
 * written into arrays the caller allocates.  A batch of sequences lies row after row in one
 * (positions, labels) array; `starts`/`lengths` say where each sequence is.  Build with
 * -ffp-contract=off (setup.py): a fused multiply-add would round differently from CRFsuite.
 *
 * The inner loops run over labels two at a time (`Pair`, GCC's and Clang's vector extension: SSE2
 * on x86-64, NEON on arm64), their sums held in registers.  Each lane is one label's own sequence
 * of the same operations in the same order as CRFsuite's scalar loop, so the doubles do not change.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include <float.h>
#include <math.h>
#include <stdint.h>
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/* ------------------------------------------------------------- label pairs */

typedef double Pair __attribute__((vector_size(2 * sizeof(double))));
typedef int64_t PairMask __attribute__((vector_size(2 * sizeof(int64_t))));

static inline Pair
load_pair(const double *at)  /* two doubles from anywhere (rows are 8-byte aligned only) */
{
    Pair value;
    memcpy(&value, at, sizeof value);
    return value;
}

static inline void
store_pair(double *at, Pair value)
{
    memcpy(at, &value, sizeof value);
}

static inline Pair
both(double value)
{
    return (Pair){value, value};
}

/* Per lane `score > most ? score : most`, which is CRFsuite's `if (max_score < score) max_score =
 * score`, NaN and signed zeros alike: x86's maxpd is defined as exactly that. */
static inline Pair
higher_of(Pair score, Pair most)
{
#if defined(__SSE2__)
    return (Pair)_mm_max_pd((__m128d)score, (__m128d)most);
#else
    PairMask higher = most < score;
    return (Pair)(((PairMask)score & higher) | ((PairMask)most & ~higher));
#endif
}

/* ------------------------------------------------------------------ buffers */

/* A read-only (or writable) C-contiguous buffer of `ndim` dimensions whose items are `format`
 * ('d' float64, 'q' int64, 'i' int32; numpy's 'l' is accepted for int64 where long is 64-bit). */
static int
get_buffer(PyObject *obj, Py_buffer *view, const char *name, char format, int ndim, int writable)
{
    int flags = PyBUF_C_CONTIGUOUS | PyBUF_FORMAT | (writable ? PyBUF_WRITABLE : 0);
    if (PyObject_GetBuffer(obj, view, flags) < 0) {
        PyErr_Format(PyExc_TypeError, "%s: a C-contiguous%s array is needed", name,
                     writable ? " writable" : "");
        return -1;
    }
    const char *f = view->format ? view->format : "B";
    if (*f == '<' || *f == '=' || *f == '@')
        ++f;
    char got = f[0];
    if (got == 'l' && sizeof(long) == 8)
        got = 'q';
    if (got == 'l' && sizeof(long) == 4)
        got = 'i';
    int size_ok = (format == 'd' && view->itemsize == 8) || (format == 'q' && view->itemsize == 8) ||
                  (format == 'i' && view->itemsize == 4);
    if (got != format || f[1] != '\0' || !size_ok || view->ndim != ndim) {
        PyErr_Format(PyExc_TypeError, "%s: a %d-dimensional array of %s is needed", name, ndim,
                     format == 'd' ? "float64" : format == 'q' ? "int64" : "int32");
        PyBuffer_Release(view);
        return -1;
    }
    return 0;
}

/* ---------------------------------------------------------------- key index */

/* Where each of a sorted set of non-negative integer keys stands in it: an open-addressing hash
 * table (Fibonacci hashing, linear probing) at least four times the keys' number, so most look-ups
 * end at the first slot.  A key not in the set gives `missing` (the zero row after the table's). */
typedef struct {
    int64_t *keys;
    int32_t *rows;
    uint64_t mask;
    int shift;
    int32_t missing;
} KeyIndex;

static inline uint64_t
home_slot(const KeyIndex *index, int64_t key)
{
    return ((uint64_t)key * UINT64_C(0x9E3779B97F4A7C15)) >> index->shift;
}

static int
key_index_build(KeyIndex *index, const Py_buffer *keys, const char *name)
{
    Py_ssize_t n = keys->shape[0];
    const int64_t *values = (const int64_t *)keys->buf;
    if (n >= INT32_MAX / 8) {
        PyErr_Format(PyExc_ValueError, "%s: too many keys", name);
        return -1;
    }
    int bits = 4;
    while (((Py_ssize_t)1 << bits) < 4 * n)
        ++bits;
    uint64_t size = (uint64_t)1 << bits;
    index->keys = PyMem_Malloc(size * sizeof(int64_t));
    index->rows = PyMem_Malloc(size * sizeof(int32_t));
    if (!index->keys || !index->rows) {
        PyErr_NoMemory();
        return -1;
    }
    index->mask = size - 1;
    index->shift = 64 - bits;
    index->missing = (int32_t)n;
    for (uint64_t s = 0; s < size; ++s)
        index->keys[s] = -1;
    for (Py_ssize_t row = 0; row < n; ++row) {
        int64_t key = values[row];
        if (key < 0 || (row && key <= values[row - 1])) {
            PyErr_Format(PyExc_ValueError, "%s: keys must be non-negative and ascending", name);
            return -1;
        }
        uint64_t slot = home_slot(index, key);
        while (index->keys[slot] != -1)
            slot = (slot + 1) & index->mask;
        index->keys[slot] = key;
        index->rows[slot] = (int32_t)row;
    }
    return 0;
}

static inline Py_ssize_t
key_row(const KeyIndex *index, int64_t key)
{
    uint64_t slot = home_slot(index, key);
    for (;;) {
        int64_t found = index->keys[slot];
        if (found == key)
            return index->rows[slot];
        if (found == -1)
            return index->missing;
        slot = (slot + 1) & index->mask;
    }
}

static void
key_index_free(KeyIndex *index)
{
    PyMem_Free(index->keys);
    PyMem_Free(index->rows);
    index->keys = NULL;
    index->rows = NULL;
}

/* ------------------------------------------------------------- StateScorer */

enum { UNIGRAMS = 5, PLACES = 4, TABLES = 6 };
enum { PLACE_SINGLE = 0, PLACE_BEGIN = 1, PLACE_MIDDLE = 2, PLACE_END = 3 };

typedef struct {
    PyObject_HEAD
    /* unigram (5, width, labels); word (places * kinds, labels); place (places * width, labels);
       pair_rows (pairs + 1, 2, labels); triple_rows (triples + 1, 2, labels); skip_rows (skips + 1, labels) */
    Py_buffer tables[TABLES];
    int held;  /* how many of `tables` hold a buffer */
    KeyIndex pairs, triples, skips;
    Py_ssize_t labels, width, kinds;
} StateScorer;

enum { T_UNIGRAM, T_WORD, T_PLACE, T_PAIR, T_TRIPLE, T_SKIP };

static void
StateScorer_dealloc(StateScorer *self)
{
    for (int i = 0; i < self->held; ++i)
        PyBuffer_Release(&self->tables[i]);
    key_index_free(&self->pairs);
    key_index_free(&self->triples);
    key_index_free(&self->skips);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static int
StateScorer_init(StateScorer *self, PyObject *args, PyObject *kwds)
{
    static char *names[] = {"unigram", "word", "place", "pair_keys", "pair_rows", "triple_keys",
                            "triple_rows", "skip_keys", "skip_rows", NULL};
    PyObject *unigram, *word, *place, *pair_keys, *pair_rows, *triple_keys, *triple_rows, *skip_keys,
        *skip_rows;
    if (self->held) {
        PyErr_SetString(PyExc_TypeError, "a StateScorer is made once");
        return -1;
    }
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "OOOOOOOOO:StateScorer", names, &unigram, &word, &place,
                                     &pair_keys, &pair_rows, &triple_keys, &triple_rows, &skip_keys,
                                     &skip_rows))
        return -1;
    PyObject *objects[TABLES] = {unigram, word, place, pair_rows, triple_rows, skip_rows};
    const char *labels_of[TABLES] = {"unigram", "word", "place", "pair_rows", "triple_rows", "skip_rows"};
    const int dims[TABLES] = {3, 2, 2, 3, 3, 2};
    for (int i = 0; i < TABLES; ++i) {
        if (get_buffer(objects[i], &self->tables[i], labels_of[i], 'd', dims[i], 0) < 0)
            return -1;
        self->held = i + 1;
    }
    Py_buffer *t = self->tables;
    self->labels = t[T_UNIGRAM].shape[2];
    self->width = t[T_UNIGRAM].shape[1];
    self->kinds = t[T_WORD].shape[0] / PLACES;
    Py_ssize_t L = self->labels;
    if (t[T_UNIGRAM].shape[0] != UNIGRAMS || L < 1 || self->width < 1 || self->kinds < 1 ||
        t[T_WORD].shape[0] != PLACES * self->kinds || t[T_WORD].shape[1] != L ||
        t[T_PLACE].shape[0] != PLACES * self->width || t[T_PLACE].shape[1] != L ||
        t[T_PAIR].shape[1] != 2 || t[T_PAIR].shape[2] != L || t[T_TRIPLE].shape[1] != 2 ||
        t[T_TRIPLE].shape[2] != L || t[T_SKIP].shape[1] != L ||
        self->width > (Py_ssize_t)2000000 /* width^3 must fit a 64-bit key */) {
        PyErr_SetString(PyExc_ValueError, "the tables' shapes do not fit together");
        return -1;
    }
    PyObject *key_objects[3] = {pair_keys, triple_keys, skip_keys};
    KeyIndex *indexes[3] = {&self->pairs, &self->triples, &self->skips};
    const char *key_names[3] = {"pair_keys", "triple_keys", "skip_keys"};
    const int row_tables[3] = {T_PAIR, T_TRIPLE, T_SKIP};
    for (int i = 0; i < 3; ++i) {
        Py_buffer keys;
        if (get_buffer(key_objects[i], &keys, key_names[i], 'q', 1, 0) < 0)
            return -1;
        int failed = keys.shape[0] + 1 != t[row_tables[i]].shape[0];
        if (failed)
            PyErr_Format(PyExc_ValueError, "%s: one row per key and a zero row are needed", key_names[i]);
        else
            failed = key_index_build(indexes[i], &keys, key_names[i]) < 0;
        PyBuffer_Release(&keys);
        if (failed)
            return -1;
    }
    return 0;
}

/* The kind code of a word: kinds[word], which a dict subclass may fill through __missing__. */
static Py_ssize_t
word_kind(PyObject *kinds, PyObject *word, Py_ssize_t count)
{
    PyObject *code = PyDict_Check(kinds) ? PyDict_GetItemWithError(kinds, word) : NULL;  /* borrowed */
    Py_ssize_t value;
    if (code) {
        value = PyLong_AsSsize_t(code);
    } else {
        if (PyErr_Occurred())
            return -1;
        code = PyObject_GetItem(kinds, word);
        if (!code)
            return -1;
        value = PyLong_AsSsize_t(code);
        Py_DECREF(code);
    }
    if (value == -1 && PyErr_Occurred())
        return -1;
    if (value < 0 || value >= count) {
        PyErr_Format(PyExc_ValueError, "a word's kind %zd is not one of the model's %zd", value, count);
        return -1;
    }
    return value;
}

/* Each character's place in its word (single, begin, middle, end), that word's kind, and its place
 * for WC, from one text's words as mention_features._word_positions reads them: in order, each
 * overwriting what an earlier one set; a word that strays outside the text, or is empty, is skipped;
 * a one-character word sets W alone. */
static int
word_codes(PyObject *words, Py_ssize_t offset, Py_ssize_t n, PyObject *kinds, Py_ssize_t kind_count,
           unsigned char *place, unsigned char *kind, unsigned char *place_c)
{
    memset(place, PLACE_SINGLE, n);
    memset(kind, 0, n);
    memset(place_c, PLACE_SINGLE, n);
    /* a tuple (a copy of a list): `kinds` may run Python code, which must not change what is read */
    PyObject *sequence = PySequence_Tuple(words);
    if (!sequence)
        return -1;
    Py_ssize_t count = PyTuple_GET_SIZE(sequence);
    PyObject **items = &PyTuple_GET_ITEM(sequence, 0);
    for (Py_ssize_t w = 0; w < count; ++w) {
        PyObject *item = items[w], *fields;
        if (PyTuple_Check(item)) {  /* a tuple, or a Token (a tuple subclass): read as it is */
            fields = Py_NewRef(item);
        } else if (!(fields = PySequence_Tuple(item))) {
            goto fail;
        }
        if (PyTuple_GET_SIZE(fields) != 3) {
            Py_DECREF(fields);
            PyErr_SetString(PyExc_ValueError, "a word must be (word, start, end)");
            goto fail;
        }
        PyObject **parts = &PyTuple_GET_ITEM(fields, 0);
        Py_ssize_t start = PyLong_AsSsize_t(parts[1]);
        Py_ssize_t end = start == -1 && PyErr_Occurred() ? -1 : PyLong_AsSsize_t(parts[2]);
        if (end == -1 && PyErr_Occurred()) {
            Py_DECREF(fields);
            goto fail;
        }
        start -= offset;
        end -= offset;
        if (start < 0 || end > n || end <= start) {
            Py_DECREF(fields);
            continue;
        }
        Py_ssize_t k = word_kind(kinds, parts[0], kind_count);
        Py_DECREF(fields);
        if (k < 0)
            goto fail;
        memset(kind + start, (int)k, end - start);
        if (end - start == 1) {
            place[start] = PLACE_SINGLE;
        } else {
            place[start] = place_c[start] = PLACE_BEGIN;
            memset(place + start + 1, PLACE_MIDDLE, end - start - 2);
            memset(place_c + start + 1, PLACE_MIDDLE, end - start - 2);
            place[end - 1] = place_c[end - 1] = PLACE_END;
        }
    }
    Py_DECREF(sequence);
    return 0;
fail:
    Py_DECREF(sequence);
    return -1;
}

PyDoc_STRVAR(state_scores_doc,
"state_scores(ids, lengths, words, offsets, kinds, out)\n--\n\n"
"Each character's state score per label into ``out`` (float64, (characters, labels)): the weights\n"
"of its twelve features added in CRFsuite's order, from 0.\n\n"
"``ids`` (int32): the texts' character ids one text after the other, each text padded with two ids\n"
"before and two after; ``lengths`` (int64): each text's length; ``words``: each text's\n"
"``(word, start, end)`` sequence; ``offsets``: ``None``, or per text the offset its words' starts\n"
"and ends count from; ``kinds``: a mapping of a word to its kind code (``mention_tables.KINDS``).");

static PyObject *
StateScorer_state_scores(StateScorer *self, PyObject *args)
{
    PyObject *ids_obj, *lengths_obj, *words, *offsets, *kinds, *out_obj;
    if (!PyArg_ParseTuple(args, "OOOOOO:state_scores", &ids_obj, &lengths_obj, &words, &offsets, &kinds,
                          &out_obj))
        return NULL;
    Py_buffer ids, lengths, out;
    if (get_buffer(ids_obj, &ids, "ids", 'i', 1, 0) < 0)
        return NULL;
    if (get_buffer(lengths_obj, &lengths, "lengths", 'q', 1, 0) < 0) {
        PyBuffer_Release(&ids);
        return NULL;
    }
    if (get_buffer(out_obj, &out, "out", 'd', 2, 1) < 0) {
        PyBuffer_Release(&ids);
        PyBuffer_Release(&lengths);
        return NULL;
    }
    PyObject *word_lists = NULL, *offset_list = NULL, *result = NULL;
    unsigned char *codes = NULL;
    const Py_ssize_t L = self->labels, width = self->width, kind_count = self->kinds;
    const Py_ssize_t B = lengths.shape[0];
    const int64_t *length = (const int64_t *)lengths.buf;
    Py_ssize_t total = 0, longest = 0;
    for (Py_ssize_t b = 0; b < B; ++b) {
        if (length[b] < 0) {
            PyErr_SetString(PyExc_ValueError, "lengths must be non-negative");
            goto done;
        }
        total += length[b];
        longest = length[b] > longest ? length[b] : longest;
    }
    if (ids.shape[0] != total + 4 * B || out.shape[0] != total || out.shape[1] != L) {
        PyErr_SetString(PyExc_ValueError, "ids, lengths and out do not fit together");
        goto done;
    }
    word_lists = PySequence_Tuple(words);
    if (!word_lists)
        goto done;
    if (offsets != Py_None) {
        offset_list = PySequence_Tuple(offsets);
        if (!offset_list)
            goto done;
    }
    if (PyTuple_GET_SIZE(word_lists) != B || (offset_list && PyTuple_GET_SIZE(offset_list) != B)) {
        PyErr_SetString(PyExc_ValueError, "one word sequence (and offset) per text is needed");
        goto done;
    }
    const int32_t *id = (const int32_t *)ids.buf;
    for (Py_ssize_t k = 0; k < ids.shape[0]; ++k) {
        if (id[k] < 0 || id[k] >= width) {
            PyErr_SetString(PyExc_ValueError, "a character id is outside the tables");
            goto done;
        }
    }
    codes = PyMem_Malloc(3 * (longest + 1) + 2 * (longest + 2) * sizeof(Py_ssize_t));
    if (!codes) {
        PyErr_NoMemory();
        goto done;
    }
    /* per character of a text: its word codes; per pair and triple of padded ids ending at it, its row */
    Py_ssize_t *pair_at = (Py_ssize_t *)codes, *triple_at = pair_at + longest + 2;
    unsigned char *place = (unsigned char *)(triple_at + longest + 2), *kind = place + longest + 1,
                  *place_c = kind + longest + 1;
    const double *unigram = self->tables[T_UNIGRAM].buf, *word = self->tables[T_WORD].buf,
                 *placed = self->tables[T_PLACE].buf, *pair = self->tables[T_PAIR].buf,
                 *triple = self->tables[T_TRIPLE].buf, *skip = self->tables[T_SKIP].buf;
    double *scores = out.buf;
    Py_ssize_t base = 0;
    for (Py_ssize_t b = 0; b < B; ++b) {
        const Py_ssize_t n = length[b];
        Py_ssize_t offset = 0;
        if (offset_list) {
            offset = PyLong_AsSsize_t(PyTuple_GET_ITEM(offset_list, b));
            if (offset == -1 && PyErr_Occurred())
                goto done;
        }
        if (word_codes(PyTuple_GET_ITEM(word_lists, b), offset, n, kinds, kind_count, place, kind,
                       place_c) < 0)
            goto done;
        const int32_t *text = id + base + 2;
        /* B-1 of a character is B0 of the one before, T-1 is T1 of the one two before: one look-up each */
        for (Py_ssize_t i = 0; i <= n; ++i)
            pair_at[i] = key_row(&self->pairs, (int64_t)text[i - 1] * width + text[i]);
        for (Py_ssize_t i = 0; i <= n + 1; ++i)
            triple_at[i] = key_row(&self->triples, ((int64_t)text[i - 2] * width + text[i - 1]) * width + text[i]);
        for (Py_ssize_t i = 0; i < n; ++i, scores += L) {
            const int64_t p2 = text[i - 2], p1 = text[i - 1], c = text[i], n1 = text[i + 1], n2 = text[i + 2];
            /* the twelve features in char_features' order: U-2 U-1 U0 U1 U2 B-1 B0 S T-1 T1 W WC */
            const double *rows[12] = {
                unigram + (0 * width + p2) * L,
                unigram + (1 * width + p1) * L,
                unigram + (2 * width + c) * L,
                unigram + (3 * width + n1) * L,
                unigram + (4 * width + n2) * L,
                pair + (pair_at[i] * 2 + 0) * L,
                pair + (pair_at[i + 1] * 2 + 1) * L,
                skip + key_row(&self->skips, p1 * width + n1) * L,
                triple + (triple_at[i] * 2 + 0) * L,
                triple + (triple_at[i + 2] * 2 + 1) * L,
                word + (place[i] * kind_count + kind[i]) * L,
                placed + (place_c[i] * width + c) * L,
            };
            Py_ssize_t l = 0;
            for (; l + 2 <= L; l += 2) {
                Pair sum = both(0.0);
                for (int f = 0; f < 12; ++f)
                    sum += load_pair(rows[f] + l);
                store_pair(scores + l, sum);
            }
            for (; l < L; ++l) {
                double sum = 0.0;
                for (int f = 0; f < 12; ++f)
                    sum += rows[f][l];
                scores[l] = sum;
            }
        }
        base += n + 4;
    }
    result = Py_NewRef(Py_None);
done:
    PyMem_Free(codes);
    Py_XDECREF(word_lists);
    Py_XDECREF(offset_list);
    PyBuffer_Release(&ids);
    PyBuffer_Release(&lengths);
    PyBuffer_Release(&out);
    return result;
}

static PyObject *
StateScorer_get_labels(StateScorer *self, void *closure)
{
    return PyLong_FromSsize_t(self->labels);
}

static PyMethodDef StateScorer_methods[] = {
    {"state_scores", (PyCFunction)StateScorer_state_scores, METH_VARARGS, state_scores_doc},
    {NULL, NULL, 0, NULL},
};

static PyGetSetDef StateScorer_getset[] = {
    {"labels", (getter)StateScorer_get_labels, NULL, "how many labels the model has", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

PyDoc_STRVAR(StateScorer_doc,
"StateScorer(unigram, word, place, pair_keys, pair_rows, triple_keys, triple_rows, skip_keys, skip_rows)\n"
"--\n\n"
"A mention model's weight tables (``mention_tables.MentionTables``'s arrays, float64 and int64), held\n"
"for scoring, with a hash index over each keyed table.  The arrays are held, not copied.");

static PyTypeObject StateScorerType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "talkgraph.extract.linear_chain.StateScorer",
    .tp_basicsize = sizeof(StateScorer),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_doc = StateScorer_doc,
    .tp_new = PyType_GenericNew,
    .tp_init = (initproc)StateScorer_init,
    .tp_dealloc = (destructor)StateScorer_dealloc,
    .tp_methods = StateScorer_methods,
    .tp_getset = StateScorer_getset,
};

/* ------------------------------------------------------------ label blocks */

/* Viterbi and the marginals go over the labels in blocks of BLOCK (eight Pairs), a block's eight
 * sums held in registers while i runs over the labels.  Their work arrays give each position
 * `stride` doubles, the labels rounded up to whole blocks; the lanes past the labels hold zeros or
 * what zeros make, and nothing reads them back. */
enum { BLOCK = 16, BLOCK_PAIRS = BLOCK / 2 };

static inline Py_ssize_t
stride_of(Py_ssize_t L)
{
    return (L + BLOCK - 1) / BLOCK * BLOCK;
}

/* ------------------------------------------------------ sequences of a batch */

typedef struct {
    Py_buffer scores, starts, lengths, transitions, out;
    int held;
    Py_ssize_t L, longest;  /* the labels; the longest sequence's length, at least 1 */
    double *work;
} Batch;

static void
batch_release(Batch *batch)
{
    Py_buffer *views[5] = {&batch->scores, &batch->starts, &batch->lengths, &batch->transitions, &batch->out};
    for (int i = 0; i < batch->held; ++i)
        PyBuffer_Release(views[i]);
    PyMem_Free(batch->work);
}

/* The arguments every decoding function takes, checked: state scores (positions, labels), each
 * sequence's first row and length, the transitions (labels, labels), and the output of `out_format`
 * ('q': one label per position; 'd': one probability per position and label); and the work,
 * 4 (L + longest) * stride zeroed doubles (`batch_release` frees it). */
static int
batch_open(Batch *batch, PyObject *args, const char *name, char out_format)
{
    PyObject *objects[5];
    memset(batch, 0, sizeof(*batch));
    if (!PyArg_UnpackTuple(args, name, 5, 5, &objects[0], &objects[1], &objects[2], &objects[3], &objects[4]))
        return -1;
    Py_buffer *views[5] = {&batch->scores, &batch->starts, &batch->lengths, &batch->transitions, &batch->out};
    const char *names[5] = {"scores", "starts", "lengths", "transitions", "out"};
    const char formats[5] = {'d', 'q', 'q', 'd', out_format};
    const int dims[5] = {2, 1, 1, 2, out_format == 'd' ? 2 : 1};
    for (int i = 0; i < 5; ++i) {
        if (get_buffer(objects[i], views[i], names[i], formats[i], dims[i], i == 4) < 0) {
            batch_release(batch);
            return -1;
        }
        batch->held = i + 1;
    }
    Py_ssize_t N = batch->scores.shape[0], L = batch->scores.shape[1];
    batch->L = L;
    if (L < 1 || batch->transitions.shape[0] != L || batch->transitions.shape[1] != L ||
        batch->starts.shape[0] != batch->lengths.shape[0] || batch->out.shape[0] != N ||
        (out_format == 'd' && batch->out.shape[1] != L)) {
        PyErr_SetString(PyExc_ValueError, "scores, starts, lengths, transitions and out do not fit together");
        batch_release(batch);
        return -1;
    }
    const int64_t *start = batch->starts.buf, *length = batch->lengths.buf;
    for (Py_ssize_t k = 0; k < batch->lengths.shape[0]; ++k) {
        if (start[k] < 0 || length[k] < 0 || start[k] > N || length[k] > N - start[k]) {
            PyErr_SetString(PyExc_ValueError, "a sequence lies outside the scores");
            batch_release(batch);
            return -1;
        }
        batch->longest = length[k] > batch->longest ? length[k] : batch->longest;
    }
    batch->longest = batch->longest ? batch->longest : 1;
    batch->work = PyMem_Calloc(4 * (L + batch->longest) * stride_of(L), sizeof(double));
    if (!batch->work) {
        batch_release(batch);
        PyErr_NoMemory();
        return -1;
    }
    return 0;
}

typedef void (*Prepare)(const double *transitions, Py_ssize_t L, double *work);
typedef void (*Decode)(const double *state, Py_ssize_t T, Py_ssize_t L, double *work, void *out);

/* A decoding function's body: the arguments checked, `prepare` fills the start of the work from the
 * transitions, `decode` runs on each sequence in turn (without the GIL), writing its rows of `out`. */
static PyObject *
decode_each(PyObject *args, const char *name, char out_format, Prepare prepare, Decode decode)
{
    Batch batch;
    if (batch_open(&batch, args, name, out_format) < 0)
        return NULL;
    const Py_ssize_t L = batch.L, row = out_format == 'd' ? L * (Py_ssize_t)sizeof(double) : (Py_ssize_t)sizeof(int64_t);
    const double *scores = batch.scores.buf;
    const int64_t *start = batch.starts.buf, *length = batch.lengths.buf;
    char *out = batch.out.buf;
    Py_BEGIN_ALLOW_THREADS
    prepare(batch.transitions.buf, L, batch.work);
    for (Py_ssize_t k = 0; k < batch.lengths.shape[0]; ++k) {
        if (length[k])
            decode(scores + start[k] * L, length[k], L, batch.work, out + start[k] * row);
    }
    Py_END_ALLOW_THREADS
    batch_release(&batch);
    Py_RETURN_NONE;
}

/* ------------------------------------------------------------------ Viterbi */

/* crf1dc_viterbi over one sequence of T >= 1 positions into `out` (T labels); `work` holds the
 * transitions at the `stride` S (`viterbi_prepare`), then T * S doubles of work.  CRFsuite keeps a back-pointer for every position and
 * label: the lowest label i with the best `best[t - 1][i] + trans[i][j]` (a strict comparison, i in
 * ascending order).  Here the forward pass keeps only the best scores, each the same maximum of
 * the same sums, and the way back finds the same lowest i for the one label the path takes at each
 * position, from the same sums. */
static void
viterbi_one(const double *state, Py_ssize_t T, Py_ssize_t L, double *work, void *out)
{
    const Py_ssize_t S = stride_of(L);
    const double *trans = work;
    double *best = work + L * S;
    int64_t *labels = out;
    memset(best, 0, S * sizeof(double));
    memcpy(best, state, L * sizeof(double));
    for (Py_ssize_t t = 1; t < T; ++t) {
        const double *before = best + (t - 1) * S, *here = state + t * L;
        double *next = best + t * S;
        for (Py_ssize_t b = 0; b < S; b += BLOCK) {
            /* for each j, over i in order: CRFsuite's `if (max_score < score) max_score = score` */
            Pair most[BLOCK_PAIRS];
            for (int c = 0; c < BLOCK_PAIRS; ++c)
                most[c] = both(-DBL_MAX);
            for (Py_ssize_t i = 0; i < L; ++i) {
                const Pair from = both(before[i]);
                const double *move = trans + i * S + b;
                for (int c = 0; c < BLOCK_PAIRS; ++c)
                    most[c] = higher_of(from + load_pair(move + 2 * c), most[c]);
            }
            for (int c = 0; c < BLOCK_PAIRS; ++c)
                store_pair(next + b + 2 * c, most[c]);
        }
        for (Py_ssize_t j = 0; j < L; ++j)
            next[j] += here[j];
    }
    double top = -DBL_MAX;
    const double *last = best + (T - 1) * S;
    labels[T - 1] = 0;
    for (Py_ssize_t i = 0; i < L; ++i) {
        if (top < last[i]) {
            top = last[i];
            labels[T - 1] = i;
        }
    }
    for (Py_ssize_t t = T - 1; t > 0; --t) {
        const double *before = best + (t - 1) * S;
        const Py_ssize_t j = labels[t];
        double most = -DBL_MAX;
        labels[t - 1] = 0;  /* where CRFsuite would leave it unset: no score above -DBL_MAX */
        for (Py_ssize_t i = 0; i < L; ++i) {
            double score = before[i] + trans[i * S + j];
            if (most < score) {
                most = score;
                labels[t - 1] = i;
            }
        }
    }
}

PyDoc_STRVAR(viterbi_doc,
"viterbi(scores, starts, lengths, transitions, out)\n--\n\n"
"The best labels of each sequence into ``out`` (int64, one per position), as CRFsuite's Viterbi\n"
"finds them: a tie goes to the lower label.  Sequence ``k`` is rows ``starts[k]`` to\n"
"``starts[k] + lengths[k]`` of ``scores`` (float64, (positions, labels)); ``transitions[i, j]``\n"
"scores label ``i`` followed by ``j``.  Positions of no sequence are left as they are.");

static void
viterbi_prepare(const double *trans, Py_ssize_t L, double *work)
{
    for (Py_ssize_t i = 0; i < L; ++i)
        memcpy(work + i * stride_of(L), trans + i * L, L * sizeof(double));
}

static PyObject *
linear_chain_viterbi(PyObject *module, PyObject *args)
{
    return decode_each(args, "viterbi", 'q', viterbi_prepare, viterbi_one);
}

/* ---------------------------------------------------------------- marginals */

/* CRFsuite's marginals of one sequence of T >= 1 positions (crf1d_context.c) into `out` (T * L
 * doubles): `work` holds exp(transitions) and its transpose at the `stride` S
 * (`marginals_prepare`), then `gain` and `alpha` T * S, `scale` T, `row` and `beta` S doubles. */
static void
marginals_one(const double *state, Py_ssize_t T, Py_ssize_t L, double *work, void *probabilities)
{
    const Py_ssize_t S = stride_of(L);
    const double *moves = work, *into = work + L * S;
    double *gain = work + 2 * L * S, *alpha = gain + T * S, *scale = alpha + T * S, *row = scale + T,
           *beta = row + S, *out = probabilities;
    /* crf1dc_exp_state: vecexp, the C library's exp */
    for (Py_ssize_t t = 0; t < T; ++t) {
        double *g = gain + t * S;
        for (Py_ssize_t j = 0; j < L; ++j)
            g[j] = exp(state[t * L + j]);
        for (Py_ssize_t j = L; j < S; ++j)
            g[j] = 0.0;
    }
    /* crf1dc_alpha_score */
    for (Py_ssize_t t = 0; t < T; ++t) {
        double *cur = alpha + t * S;
        const double *g = gain + t * S;
        if (t == 0) {
            memcpy(cur, g, S * sizeof(double));
        } else {
            /* veczero(cur); vecaadd(cur, prev[i], trans[i]) for each i in order; vecmul(cur, state) */
            const double *prev = cur - S;
            for (Py_ssize_t b = 0; b < S; b += BLOCK) {
                Pair sum[BLOCK_PAIRS];
                for (int c = 0; c < BLOCK_PAIRS; ++c)
                    sum[c] = both(0.0);
                for (Py_ssize_t i = 0; i < L; ++i) {
                    const Pair from = both(prev[i]);
                    const double *move = moves + i * S + b;
                    for (int c = 0; c < BLOCK_PAIRS; ++c)
                        sum[c] += from * load_pair(move + 2 * c);
                }
                for (int c = 0; c < BLOCK_PAIRS; ++c)
                    store_pair(cur + b + 2 * c, sum[c] * load_pair(g + b + 2 * c));
            }
        }
        double sum = 0.0;  /* vecsum, in index order */
        for (Py_ssize_t j = 0; j < L; ++j)
            sum += cur[j];
        scale[t] = sum != 0.0 ? 1.0 / sum : 1.0;
        for (Py_ssize_t j = 0; j < L; ++j)  /* vecscale */
            cur[j] *= scale[t];
    }
    /* crf1dc_beta_score, each position's marginals (crf1dc_marginal_point) as its beta is known */
    for (Py_ssize_t j = 0; j < L; ++j)
        beta[j] = scale[T - 1];
    for (Py_ssize_t t = T - 1;; --t) {
        const double *a = alpha + t * S;
        double *p = out + t * L;
        for (Py_ssize_t l = 0; l < L; ++l)
            p[l] = a[l] * beta[l] / scale[t];
        if (t == 0)
            break;
        /* veccopy(row, beta), vecmul(row, state); beta[i] = vecdot(trans[i], row), j in order from 0;
           vecscale(beta, scale[t - 1]) */
        const double *g = gain + t * S;
        for (Py_ssize_t j = 0; j < L; ++j)
            row[j] = beta[j] * g[j];
        for (Py_ssize_t b = 0; b < S; b += BLOCK) {
            Pair sum[BLOCK_PAIRS];
            for (int c = 0; c < BLOCK_PAIRS; ++c)
                sum[c] = both(0.0);
            for (Py_ssize_t j = 0; j < L; ++j) {
                const Pair r = both(row[j]);
                const double *move = into + j * S + b;
                for (int c = 0; c < BLOCK_PAIRS; ++c)
                    sum[c] += load_pair(move + 2 * c) * r;
            }
            for (int c = 0; c < BLOCK_PAIRS; ++c)
                store_pair(beta + b + 2 * c, sum[c] * both(scale[t - 1]));
        }
    }
}

PyDoc_STRVAR(marginals_doc,
"marginals(scores, starts, lengths, transitions, out)\n--\n\n"
"Each position's probability of each label into ``out`` (float64, (positions, labels)), computed\n"
"as CRFsuite computes ``Tagger.marginal``: the same doubles.  Arguments as for ``viterbi``.");

/* crf1dc_exp_transition, and the transpose for the beta scores' dot products */
static void
marginals_prepare(const double *trans, Py_ssize_t L, double *work)
{
    const Py_ssize_t S = stride_of(L);
    double *moves = work, *into = work + L * S;
    for (Py_ssize_t i = 0; i < L; ++i)
        for (Py_ssize_t j = 0; j < L; ++j)
            into[j * S + i] = moves[i * S + j] = exp(trans[i * L + j]);
}

static PyObject *
linear_chain_marginals(PyObject *module, PyObject *args)
{
    return decode_each(args, "marginals", 'd', marginals_prepare, marginals_one);
}

/* ------------------------------------------------------------------- module */

static PyMethodDef linear_chain_methods[] = {
    {"viterbi", linear_chain_viterbi, METH_VARARGS, viterbi_doc},
    {"marginals", linear_chain_marginals, METH_VARARGS, marginals_doc},
    {NULL, NULL, 0, NULL},
};

PyDoc_STRVAR(linear_chain_doc,
"The mention model's per-character work in C, with CRFsuite's arithmetic: state scores from the\n"
"model's tables (``StateScorer``), Viterbi (``viterbi``) and marginals (``marginals``) of a batch\n"
"of sequences; each double is the one CRFsuite computes for the same model and features.");

static struct PyModuleDef linear_chain_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "talkgraph.extract.linear_chain",
    .m_doc = linear_chain_doc,
    .m_size = 0,
    .m_methods = linear_chain_methods,
};

PyMODINIT_FUNC
PyInit_linear_chain(void)
{
    if (PyType_Ready(&StateScorerType) < 0)
        return NULL;
    PyObject *module = PyModule_Create(&linear_chain_module);
    if (!module)
        return NULL;
    if (PyModule_AddObjectRef(module, "StateScorer", (PyObject *)&StateScorerType) < 0) {
        Py_DECREF(module);
        return NULL;
    }
    return module;
}
