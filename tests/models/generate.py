#!/usr/bin/python3
"""Generate the tiny, deterministic test models used by SIGMA-NEX's ONNX code paths.

Run:  /usr/bin/python3 tests/models/generate.py
Needs only Debian's python3-onnx (1.12), python3-sentencepiece (0.1.97) and python3-numpy.
onnxruntime is NOT needed: every graph is checked with onnx.checker + strict shape inference and then
executed by a small numpy interpreter of the ONNX ops used (see `run_graph`), whose results are compared
with an independent numpy reference implementation of each model.

Everything is written next to this file:
  marian/en-es/{encoder_model.onnx, decoder_model.onnx, source.spm, target.spm, vocab.json, config.json}
  embedding/wordpiece/{model.onnx, vocab.txt}
  embedding/sentencepiece/{model.onnx, sentencepiece.bpe.model}
  expected.json   machine-readable expected values (the same ones README.md shows)
  README.md       what the models are, how they behave, exact expected values

The output is byte-for-byte reproducible: fixed seeds, single-threaded SentencePiece training from an
in-memory iterator (so no file path ends up inside the .spm protos), no timestamps anywhere.
"""

import hashlib
import io
import json
import re
import sys
import unicodedata
from pathlib import Path

import numpy as np
import onnx
import sentencepiece as spm
from onnx import TensorProto, helper, numpy_helper

OUT = Path(__file__).resolve().parent
OPSET = 13          # Softmax(axis) / Unsqueeze(axes as input) semantics of opset 13; ORT 1.31 runs it
IR_VERSION = 7      # <= 8 as required
PRODUCER = "sigma-nex tests/models/generate.py"

# --------------------------------------------------------------------------------------------------
# Corpora
# --------------------------------------------------------------------------------------------------

# English -> Spanish word table. The Marian test model translates word-piece by word-piece with it
# (only for words that end up as a single whole-word piece "▁word" in both SentencePiece models).
EN_ES = {
    "a": "un", "and": "y", "apply": "aplicar", "bleeding": "sangrado", "boil": "hervir",
    "breathing": "respiración", "burn": "quemadura", "call": "llamar", "check": "comprobar",
    "children": "niños", "clean": "limpiar", "cloth": "tela", "cool": "enfriar", "cover": "cubrir",
    "doctor": "médico", "drink": "beber", "every": "cada", "for": "durante", "give": "dar",
    "hours": "horas", "ibuprofen": "ibuprofeno", "keep": "mantener", "minutes": "minutos",
    "now": "ahora", "of": "de", "patient": "paciente", "pressure": "presión", "stop": "detener",
    "tablet": "tableta", "take": "tomar", "the": "el", "to": "a", "warm": "caliente",
    "wash": "lavar", "water": "agua", "with": "con", "wound": "herida",
}
# Words written identically in both languages (copied unchanged by the model, same vocab id).
SAME_WORDS = {"paracetamol", "mg", "ml"}

# Parallel corpus, English side. Spanish side = word-by-word translation through EN_ES
# (grammar is not the point; the point is that every mapped word is a whole piece in both models).
MARIAN_EN = [
    "boil the water.",
    "boil the water for 10 minutes.",
    "take 500 mg of paracetamol.",
    "take 1 tablet of ibuprofen every 8 hours.",
    "take 1 tablet with water.",
    "children take 250 mg every 6 hours.",
    "give 5 ml of paracetamol to children.",
    "call 112 and stop the bleeding.",
    "call 112 now.",
    "call the doctor now.",
    "stop the bleeding with a clean cloth.",
    "apply pressure to the wound.",
    "clean the wound with water.",
    "wash the wound with water.",
    "cover the wound with a clean cloth.",
    "cool the burn with water for 20 minutes.",
    "keep the patient warm.",
    "check the breathing of the patient.",
    "give water to the patient.",
    "drink water every 2 hours.",
    "3 7 9 0 2 4 6 8 1 5.",   # every digit appears in both corpora
]

# More first-aid English (used, together with MARIAN_EN, for the two embedding tokenizers).
FIRST_AID_EXTRA = [
    "the water must be clean: boil the water before you drink.",
    "adults take 500 mg every 8 hours; the maximum dose is 4000 mg per day.",
    "if the person is unconscious call 112. the emergency number is 112.",
    "apply firm pressure with sterile gauze and hold it until the ambulance arrives.",
    "never put ice on a burn. cover the burn with a bandage.",
    "place the person in the recovery position and raise the injured leg.",
    "give small sips of water, or salt and sugar solution for dehydration and diarrhea.",
    "check the pulse every 5 minutes and call the doctor if the fever is high.",
    "if someone is choking, give five back blows between the shoulder blades.",
    "then give five abdominal thrusts and repeat until the object comes out.",
    "check whether the person responds and is breathing normally.",
    "if the person is not breathing, start chest compressions immediately.",
    "push hard and fast in the centre of the chest, about two compressions per second.",
    "after thirty compressions give two rescue breaths.",
    "use a defibrillator as soon as one is available and follow its voice prompts.",
    "for a nosebleed, sit down, lean forward and pinch the soft part of the nose.",
    "do not tilt the head back during a nosebleed.",
    "a sprain should be rested, cooled with ice, compressed and elevated.",
    "a fracture must be immobilised with a splint before moving the casualty.",
    "never move a casualty with a suspected spinal injury unless there is danger.",
    "for a snake bite, keep the limb still and below the level of the heart.",
    "remove rings and tight clothing near a burn before swelling starts.",
    "cover a burn loosely with cling film or a clean plastic bag.",
    "signs of shock include pale skin, a rapid pulse and cold sweating.",
    "lay a person in shock down and raise their legs if possible.",
    "heat stroke is dangerous: move the person to a cool place and give fluids.",
    "hypothermia needs slow rewarming with blankets and warm sweet drinks.",
    "signs of a stroke are a drooping face, arm weakness and slurred speech.",
    "a heart attack often causes crushing chest pain that spreads to the arm.",
    "help the person take one aspirin tablet and chew it slowly.",
    "an allergic reaction can cause swelling of the lips, tongue and throat.",
    "use an adrenaline auto injector in the outer thigh for severe allergy.",
    "during a seizure, protect the head and do not restrain the person.",
    "after the seizure, turn them onto their side and check their airway.",
    "a diabetic with low blood sugar should eat or drink something sugary.",
    "clean small cuts and grazes under running water and dry them gently.",
    "deep wounds need stitches: press firmly and seek medical help.",
    "if blood soaks through the dressing, add another dressing on top.",
    "a tourniquet is a last resort for life threatening bleeding from a limb.",
    "write down the time the tourniquet was applied.",
    "poisoning: do not induce vomiting, call the poison centre and keep the container.",
    "eye injuries: rinse the eye with clean water for at least ten minutes.",
    "electric shock: switch off the power before touching the casualty.",
    "drowning: open the airway and give five initial rescue breaths.",
    "keep a first aid kit with gloves, plasters, bandages, scissors and a thermometer.",
    "wear gloves to protect yourself from infection.",
    "a high temperature in a baby needs urgent medical advice.",
    "give oral rehydration salts to a child with vomiting or diarrhoea.",
    "stay calm, reassure the casualty and monitor their condition.",
    "record what happened and tell the paramedics when they arrive.",
]

EMBED_CORPUS = MARIAN_EN + FIRST_AID_EXTRA

# Tokenizer choices for the embedding models
WP_SPECIAL = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
WP_SUFFIXES = ["##s", "##es", "##ed", "##ing", "##ly", "##er", "##ion", "##ness", "##ful", "##able"]
WP_NOT_WHOLE = {"bleeding"}   # forced to split (bleed ##ing) so a test covers "##" continuation pieces
EMBED_DIM = 32
MAX_POSITIONS = 512
QUERY = "stop the bleeding"

# Marian test model constants
MARIAN_TEMP = 40.0        # attention "temperature": score = -TEMP * (t - s)^2
MARIAN_NULL_SCORE = -20.0  # score of the extra "null" key (value = one-hot </s>); between 0 and -TEMP
MARIAN_LOGIT = 10.0       # logit of the winning token; every other logit ~0 (pad: -100)
MARIAN_EXAMPLES = [
    ("boil the water.", "hervir el agua."),
    ("take 500 mg of paracetamol.", "tomar 500 mg de paracetamol."),
    ("call 112 and stop the bleeding.", "llamar 112 y detener el sangrado."),
]


def translate_word_by_word(sentence):
    out = []
    for word in sentence.split():
        m = re.fullmatch(r"([^.,:]+)([.,:]*)", word)
        core, punct = m.group(1), m.group(2)
        if core in EN_ES:
            core = EN_ES[core]
        elif not (core in SAME_WORDS or core.isdigit()):
            raise ValueError(f"no Spanish for {core!r} in {sentence!r}")
        out.append(core + punct)
    return " ".join(out)


MARIAN_ES = [translate_word_by_word(s) for s in MARIAN_EN]

# --------------------------------------------------------------------------------------------------
# SentencePiece
# --------------------------------------------------------------------------------------------------


def train_spm(sentences, vocab_size, **extra):
    """Train deterministically in memory; returns the serialized ModelProto bytes."""
    writer = io.BytesIO()
    args = dict(
        sentence_iterator=iter(list(sentences) * 4),
        model_writer=writer,
        vocab_size=vocab_size,
        model_type="bpe",
        hard_vocab_limit=False,
        byte_fallback=False,
        character_coverage=1.0,
        num_threads=1,
        minloglevel=2,
        shuffle_input_sentence=False,
    )
    args.update(extra)
    spm.SentencePieceTrainer.train(**args)
    return writer.getvalue()


def sp_from_bytes(data):
    return spm.SentencePieceProcessor(model_proto=data)

# --------------------------------------------------------------------------------------------------
# ONNX helpers and a small numpy interpreter (used instead of onnxruntime)
# --------------------------------------------------------------------------------------------------


def const(name, array):
    return numpy_helper.from_array(np.asarray(array), name)


def make_model(graph):
    model = helper.make_model(graph, producer_name=PRODUCER, producer_version="1",
                              opset_imports=[helper.make_opsetid("", OPSET)])
    model.ir_version = IR_VERSION
    onnx.checker.check_model(model, full_check=True)
    onnx.shape_inference.infer_shapes(model, check_type=True, strict_mode=True)
    return model


def save_model(model, path):
    path.parent.mkdir(parents=True, exist_ok=True)
    onnx.save(model, str(path))
    reloaded = onnx.load(str(path))
    onnx.checker.check_model(str(path), full_check=True)
    return reloaded


ONNX_DTYPES = {TensorProto.FLOAT: np.float32, TensorProto.INT64: np.int64}


def run_graph(model, feeds):
    """Execute an ONNX model with numpy, for exactly the ops these generators emit."""
    env = {init.name: numpy_helper.to_array(init) for init in model.graph.initializer}
    env.update(feeds)
    for node in model.graph.node:
        a = {attr.name: helper.get_attribute_value(attr) for attr in node.attribute}
        x = [env[i] if i else None for i in node.input]
        op = node.op_type
        if op == "Gather":
            y = np.take(x[0], x[1], axis=a.get("axis", 0))
        elif op == "Cast":
            y = x[0].astype(ONNX_DTYPES[a["to"]])
        elif op == "Unsqueeze":
            y = x[0]
            for ax in sorted(int(v) for v in x[1]):
                y = np.expand_dims(y, ax)
        elif op == "Shape":
            y = np.array(x[0].shape, dtype=np.int64)
        elif op == "Range":
            y = np.arange(x[0], x[1], x[2]).astype(x[0].dtype)
        elif op in ("Add", "Sub", "Mul"):
            f = {"Add": np.add, "Sub": np.subtract, "Mul": np.multiply}[op]
            y = f(x[0], x[1])
            assert y.dtype == x[0].dtype == x[1].dtype, (op, x[0].dtype, x[1].dtype)
        elif op == "Concat":
            y = np.concatenate(x, axis=a["axis"])
        elif op == "Expand":
            y = x[0] * np.ones(tuple(int(v) for v in x[1]), dtype=x[0].dtype)
        elif op == "Slice":
            y = x[0]
            axes = x[3] if len(x) > 3 else range(len(x[1]))
            sl = [slice(None)] * y.ndim
            for st, en, ax in zip(x[1], x[2], axes):
                sl[int(ax)] = slice(int(st), int(en))
            y = y[tuple(sl)]
        elif op == "Transpose":
            y = np.transpose(x[0], a["perm"])
        elif op == "MatMul":
            y = np.matmul(x[0], x[1])
        elif op == "Softmax":
            z = x[0] - x[0].max(axis=a.get("axis", -1), keepdims=True)
            e = np.exp(z)
            y = e / e.sum(axis=a.get("axis", -1), keepdims=True)
        elif op == "Tanh":
            y = np.tanh(x[0])
        else:
            raise NotImplementedError(op)
        env[node.output[0]] = y
    return {o.name: env[o.name] for o in model.graph.output}


def graph_ops(model):
    return sorted({n.op_type for n in model.graph.node})

# --------------------------------------------------------------------------------------------------
# Marian-shaped translation model
# --------------------------------------------------------------------------------------------------


def build_marian():
    src_bytes = train_spm(MARIAN_EN, 200, user_defined_symbols=[str(d) for d in range(10)])
    tgt_bytes = train_spm(MARIAN_ES, 200, user_defined_symbols=[str(d) for d in range(10)])
    src_sp, tgt_sp = sp_from_bytes(src_bytes), sp_from_bytes(tgt_bytes)

    # vocab.json: shared, "</s>"=0, "<unk>"=1, then source pieces, then new target pieces, "<pad>" last
    vocab = {"</s>": 0, "<unk>": 1}
    for sp in (src_sp, tgt_sp):
        for i in range(sp.get_piece_size()):
            piece = sp.id_to_piece(i)
            if piece in ("<unk>", "<s>", "</s>"):
                continue
            vocab.setdefault(piece, len(vocab))
    vocab["<pad>"] = len(vocab)
    V = len(vocab)
    pad, eos, unk = vocab["<pad>"], vocab["</s>"], vocab["<unk>"]
    d_model = V + 3
    assert d_model <= 512, d_model

    # source id -> target id table (identity unless a whole-word pair exists in both models)
    src_pieces = {src_sp.id_to_piece(i) for i in range(src_sp.get_piece_size())}
    tgt_pieces = {tgt_sp.id_to_piece(i) for i in range(tgt_sp.get_piece_size())}
    mapping = np.arange(V, dtype=np.int64)
    mapped_pairs, unmapped_words = {}, []
    corpus_words = {w.strip(".,:") for x in MARIAN_EN for w in x.split()} - SAME_WORDS
    assert corpus_words - set(EN_ES) == {w for w in corpus_words if w.isdigit()}, "EN_ES must cover the corpus"
    for en, es in EN_ES.items():
        sp_piece, tp_piece = "\u2581" + en, "\u2581" + es
        if (src_sp.encode(en, out_type=str) == [sp_piece] and tp_piece in tgt_pieces
                and tgt_sp.encode(es, out_type=str) == [tp_piece]):
            mapping[vocab[sp_piece]] = vocab[tp_piece]
            mapped_pairs[sp_piece] = tp_piece
        else:
            unmapped_words.append(en)
    assert not unmapped_words, f"not whole pieces in both spm models: {unmapped_words}"
    copied_src = [p for p in src_pieces if p not in mapped_pairs and p not in ("<unk>", "<s>", "</s>")]
    copied_missing_in_tgt = sorted(p for p in copied_src if p not in tgt_pieces)

    def encode_src(text):
        return [vocab.get(p, unk) for p in src_sp.encode(text, out_type=str)] + [eos]

    inv_vocab = {i: p for p, i in vocab.items()}

    def decode_tgt(ids):
        pieces = [inv_vocab[i] for i in ids if i not in (eos, pad)]
        return tgt_sp.decode_pieces(pieces), pieces

    # ---- encoder graph ----
    f32, i64 = np.float32, np.int64
    emb = np.eye(V, dtype=f32)  # one-hot token embeddings
    enc_nodes = [
        helper.make_node("Gather", ["embed_tokens", "input_ids"], ["tok"], axis=0),
        helper.make_node("Cast", ["attention_mask"], ["mask_f"], to=TensorProto.FLOAT),
        helper.make_node("Unsqueeze", ["mask_f", "axes_2"], ["mask_3"]),
        helper.make_node("Mul", ["tok", "mask_3"], ["tok_masked"]),
        helper.make_node("Shape", ["input_ids"], ["ids_shape"]),
        helper.make_node("Gather", ["ids_shape", "one_i"], ["src_len"], axis=0),
        helper.make_node("Cast", ["src_len"], ["src_len_f"], to=TensorProto.FLOAT),
        helper.make_node("Range", ["zero_f", "src_len_f", "one_f"], ["pos"]),
        helper.make_node("Unsqueeze", ["pos", "axes_1"], ["pos_col"]),
        helper.make_node("Mul", ["pos_col", "pos_col"], ["pos_sq_col"]),
        helper.make_node("Mul", ["pos_col", "e_s"], ["feat_a"]),
        helper.make_node("Mul", ["pos_sq_col", "e_ss"], ["feat_b"]),
        helper.make_node("Add", ["feat_a", "feat_b"], ["feat_ab"]),
        helper.make_node("Add", ["feat_ab", "e_one"], ["pos_feat"]),          # [S,3] = (s, s^2, 1)
        helper.make_node("Concat", ["ids_shape", "three_i"], ["feat_shape"], axis=0),
        helper.make_node("Expand", ["pos_feat", "feat_shape"], ["pos_feat_b"]),
        helper.make_node("Concat", ["tok_masked", "pos_feat_b"], ["last_hidden_state"], axis=2),
    ]
    enc_inits = [
        const("embed_tokens", emb),
        const("axes_1", np.array([1], i64)), const("axes_2", np.array([2], i64)),
        const("one_i", np.array(1, i64)), const("three_i", np.array([3], i64)),
        const("zero_f", np.array(0.0, f32)), const("one_f", np.array(1.0, f32)),
        const("e_s", np.array([[1, 0, 0]], f32)), const("e_ss", np.array([[0, 1, 0]], f32)),
        const("e_one", np.array([[0, 0, 1]], f32)),
    ]
    encoder = make_model(helper.make_graph(
        enc_nodes, "marian_encoder",
        [helper.make_tensor_value_info("input_ids", TensorProto.INT64, ["batch_size", "encoder_sequence_length"]),
         helper.make_tensor_value_info("attention_mask", TensorProto.INT64, ["batch_size", "encoder_sequence_length"])],
        [helper.make_tensor_value_info("last_hidden_state", TensorProto.FLOAT,
                                       ["batch_size", "encoder_sequence_length", d_model])],
        enc_inits))

    # ---- decoder graph ----
    lm_head = np.zeros((V, V), f32)
    lm_head[np.arange(V), mapping] = MARIAN_LOGIT
    final_logits_bias = np.zeros((V,), f32)
    final_logits_bias[pad] = -100.0
    null_value = np.zeros((1, 1, V), f32)
    null_value[0, 0, eos] = 1.0
    dec_nodes = [
        # split encoder states into token one-hots and positional features
        helper.make_node("Slice", ["encoder_hidden_states", "zero_1", "V_1", "axes_2"], ["enc_tok"]),
        helper.make_node("Slice", ["encoder_hidden_states", "V_1", "D_1", "axes_2"], ["enc_pos"]),
        helper.make_node("Cast", ["encoder_attention_mask"], ["emask_f"], to=TensorProto.FLOAT),
        # decoder positions t = 0..T-1 -> query (2t, -1, -t^2) so that q.k = -(t - s)^2
        helper.make_node("Shape", ["input_ids"], ["dec_shape"]),
        helper.make_node("Gather", ["dec_shape", "one_i"], ["tgt_len"], axis=0),
        helper.make_node("Cast", ["tgt_len"], ["tgt_len_f"], to=TensorProto.FLOAT),
        helper.make_node("Range", ["zero_f", "tgt_len_f", "one_f"], ["t"]),
        helper.make_node("Unsqueeze", ["t", "axes_1"], ["t_col"]),
        helper.make_node("Mul", ["t_col", "t_col"], ["t_sq_col"]),
        helper.make_node("Mul", ["t_col", "q_t"], ["q_a"]),
        helper.make_node("Mul", ["t_sq_col", "q_tt"], ["q_b"]),
        helper.make_node("Add", ["q_a", "q_b"], ["q_ab"]),
        helper.make_node("Add", ["q_ab", "q_c"], ["query"]),                   # [T,3]
        helper.make_node("Transpose", ["enc_pos"], ["keys_t"], perm=[0, 2, 1]),  # [B,3,S]
        helper.make_node("MatMul", ["query", "keys_t"], ["neg_sq_dist"]),        # [B,T,S]
        helper.make_node("Mul", ["neg_sq_dist", "temperature"], ["scores"]),
        # pad positions of the source get a large negative score
        helper.make_node("Sub", ["one_f", "emask_f"], ["inv_mask"]),
        helper.make_node("Mul", ["inv_mask", "mask_neg"], ["mask_bias"]),
        helper.make_node("Unsqueeze", ["mask_bias", "axes_1"], ["mask_bias_3"]),  # [B,1,S]
        helper.make_node("Add", ["scores", "mask_bias_3"], ["scores_masked"]),
        # extra "null" key with a fixed score: wins when no valid source position equals t
        helper.make_node("Shape", ["scores_masked"], ["scores_shape"]),
        helper.make_node("Slice", ["scores_shape", "zero_1", "two_1"], ["bt_shape"]),
        helper.make_node("Concat", ["bt_shape", "one_1"], ["null_shape"], axis=0),
        helper.make_node("Expand", ["null_score", "null_shape"], ["null_scores"]),
        helper.make_node("Concat", ["scores_masked", "null_scores"], ["scores_all"], axis=2),
        helper.make_node("Softmax", ["scores_all"], ["attn"], axis=-1),         # [B,T,S+1]
        # values: masked token one-hots of the source, plus one-hot </s> for the null key
        helper.make_node("Unsqueeze", ["emask_f", "axes_2"], ["emask_3"]),
        helper.make_node("Mul", ["enc_tok", "emask_3"], ["values_src"]),
        helper.make_node("Shape", ["encoder_hidden_states"], ["enc_shape"]),
        helper.make_node("Slice", ["enc_shape", "zero_1", "one_1"], ["b_shape"]),
        helper.make_node("Concat", ["b_shape", "one_1", "V_1"], ["null_v_shape"], axis=0),
        helper.make_node("Expand", ["null_value", "null_v_shape"], ["null_values"]),
        helper.make_node("Concat", ["values_src", "null_values"], ["values"], axis=1),
        helper.make_node("MatMul", ["attn", "values"], ["context"]),            # [B,T,V]
        # "lm_head": source id -> mapped target id, scaled to a large logit
        helper.make_node("MatMul", ["context", "lm_head"], ["logits_raw"]),
        helper.make_node("Add", ["logits_raw", "final_logits_bias"], ["logits"]),
    ]
    dec_inits = [
        const("zero_1", np.array([0], i64)), const("one_1", np.array([1], i64)),
        const("two_1", np.array([2], i64)), const("V_1", np.array([V], i64)),
        const("D_1", np.array([d_model], i64)), const("axes_1", np.array([1], i64)),
        const("axes_2", np.array([2], i64)), const("one_i", np.array(1, i64)),
        const("zero_f", np.array(0.0, f32)), const("one_f", np.array(1.0, f32)),
        const("q_t", np.array([[2, 0, 0]], f32)), const("q_tt", np.array([[0, 0, -1]], f32)),
        const("q_c", np.array([[0, -1, 0]], f32)),
        const("temperature", np.array(MARIAN_TEMP, f32)), const("mask_neg", np.array(-1e4, f32)),
        const("null_score", np.full((1, 1, 1), MARIAN_NULL_SCORE, f32)),
        const("null_value", null_value), const("lm_head", lm_head),
        const("final_logits_bias", final_logits_bias),
    ]
    decoder = make_model(helper.make_graph(
        dec_nodes, "marian_decoder",
        [helper.make_tensor_value_info("encoder_attention_mask", TensorProto.INT64, ["batch_size", "encoder_sequence_length"]),
         helper.make_tensor_value_info("input_ids", TensorProto.INT64, ["batch_size", "decoder_sequence_length"]),
         helper.make_tensor_value_info("encoder_hidden_states", TensorProto.FLOAT,
                                       ["batch_size", "encoder_sequence_length", d_model])],
        [helper.make_tensor_value_info("logits", TensorProto.FLOAT, ["batch_size", "decoder_sequence_length", V])],
        dec_inits))

    # ---- independent numpy reference of the same computation ----
    def ref_encoder(ids, mask):
        B, S = ids.shape
        h = np.zeros((B, S, d_model), f32)
        for b in range(B):
            for s in range(S):
                h[b, s, ids[b, s]] = float(mask[b, s])
                h[b, s, V:] = (s, s * s, 1)
        return h

    def ref_decoder(emask, dec_ids, h):
        B, T = dec_ids.shape
        S = h.shape[1]
        out = np.zeros((B, T, V), f32)
        for b in range(B):
            src_tok = h[b, :, :V] * emask[b][:, None]
            values = np.concatenate([src_tok, null_value[0]], 0)
            for t in range(T):
                sc = np.array([-MARIAN_TEMP * (t - s) ** 2 - (0 if emask[b, s] else 1e4) for s in range(S)]
                              + [MARIAN_NULL_SCORE], np.float64)
                w = np.exp(sc - sc.max())
                w /= w.sum()
                out[b, t] = (w @ values) @ lm_head + final_logits_bias
        return out

    def rule_ids(src_ids):
        """Expected argmax per decoder position, from the behaviour spec (no model involved)."""
        n = len([i for i in src_ids if i != pad]) - 1  # non-pad tokens excluding trailing </s>
        return [int(mapping[i]) for i in src_ids[:n]] + [eos]

    # ---- verification ----
    examples = []
    batch_src = [encode_src(en) for en, _ in MARIAN_EXAMPLES]
    S = max(len(x) for x in batch_src)
    ids = np.full((len(batch_src), S), pad, np.int64)
    mask = np.zeros_like(ids)
    for b, x in enumerate(batch_src):
        ids[b, :len(x)] = x
        mask[b, :len(x)] = 1
    h = run_graph(encoder, {"input_ids": ids, "attention_mask": mask})["last_hidden_state"]
    assert h.dtype == np.float32 and h.shape == (len(batch_src), S, d_model)
    assert np.array_equal(h, ref_encoder(ids, mask))
    # teacher-forced full decoder input, longer than the source to exercise "after the end" positions
    T = S + 3
    dec_in = np.full((len(batch_src), T), pad, np.int64)
    logits = run_graph(decoder, {"encoder_attention_mask": mask, "input_ids": dec_in,
                                 "encoder_hidden_states": h})["logits"]
    assert logits.shape == (len(batch_src), T, V) and logits.dtype == np.float32
    ref = ref_decoder(mask, dec_in, h)
    assert np.allclose(logits, ref, atol=1e-4), np.abs(logits - ref).max()
    min_margin = np.inf
    for b, x in enumerate(batch_src):
        want = rule_ids(x)
        for t in range(T):
            row = logits[b, t]
            top2 = np.sort(row)[-2:]
            min_margin = min(min_margin, top2[1] - top2[0])
            expect = want[t] if t < len(want) else eos
            assert int(row.argmax()) == expect, (b, t, int(row.argmax()), expect)
    assert min_margin >= 5.0, min_margin

    def greedy(src_ids, max_len=64):
        i = np.array([src_ids], np.int64)
        m = np.ones_like(i)
        hh = run_graph(encoder, {"input_ids": i, "attention_mask": m})["last_hidden_state"]
        out = [pad]
        while len(out) < max_len:
            lg = run_graph(decoder, {"encoder_attention_mask": m, "input_ids": np.array([out], np.int64),
                                     "encoder_hidden_states": hh})["logits"][0, -1]
            nxt = int(lg.argmax())
            out.append(nxt)
            if nxt == eos:
                break
        return out[1:]

    def beam(src_ids, beams=4, max_len=64):
        i = np.array([src_ids], np.int64)
        m = np.ones_like(i)
        hh = run_graph(encoder, {"input_ids": i, "attention_mask": m})["last_hidden_state"]
        live, done = [([pad], 0.0)], []
        while live and len(live[0][0]) < max_len:
            cand = []
            for seq, score in live:
                lg = run_graph(decoder, {"encoder_attention_mask": m, "input_ids": np.array([seq], np.int64),
                                         "encoder_hidden_states": hh})["logits"][0, -1].astype(np.float64)
                lp = lg - lg.max() - np.log(np.exp(lg - lg.max()).sum())
                for tok in np.argsort(-lp)[:beams]:
                    cand.append((seq + [int(tok)], score + lp[tok]))
            cand.sort(key=lambda c: -c[1])
            live = []
            for seq, score in cand[:beams]:
                (done if seq[-1] == eos else live).append((seq, score))
            # log-probs only decrease, so stop once no live hypothesis can beat the best finished one
            if done and (not live or max(c[1] for c in done) >= live[0][1]):
                break
        best = max(done, key=lambda c: c[1])
        return best[0][1:]

    for (en, es_expected), src_ids in zip(MARIAN_EXAMPLES, batch_src):
        out_ids = greedy(src_ids)
        assert out_ids == rule_ids(src_ids), (en, out_ids)
        assert beam(src_ids) == out_ids, en
        text, pieces = decode_tgt(out_ids)
        naive = "".join(pieces).replace("\u2581", " ").strip()
        assert text == es_expected == naive, (en, text, naive, es_expected)
        examples.append({
            "source": en, "source_pieces": src_sp.encode(en, out_type=str), "input_ids": src_ids,
            "output_ids": out_ids, "output_pieces": pieces, "translation": text,
        })

    # padding check in a batch: every row decodes the same as alone (right padding)
    for b, x in enumerate(batch_src):
        assert [int(v) for v in logits[b].argmax(-1)[:len(rule_ids(x))]] == rule_ids(x)

    d = OUT / "marian" / "en-es"
    d.mkdir(parents=True, exist_ok=True)
    save_model(encoder, d / "encoder_model.onnx")
    save_model(decoder, d / "decoder_model.onnx")
    (d / "source.spm").write_bytes(src_bytes)
    (d / "target.spm").write_bytes(tgt_bytes)
    write_json(d / "vocab.json", vocab)
    config = {
        "model_type": "marian",
        "architectures": ["MarianMTModel"],
        "d_model": d_model,
        "vocab_size": V,
        "decoder_vocab_size": V,
        "pad_token_id": pad,
        "eos_token_id": eos,
        "bos_token_id": 0,
        "forced_eos_token_id": 0,
        "decoder_start_token_id": pad,
        "max_length": 64,
        "num_beams": 1,
        "max_position_embeddings": 512,
        "is_encoder_decoder": True,
        "share_encoder_decoder_embeddings": True,
    }
    write_json(d / "config.json", config)
    return {
        "vocab_size": V, "d_model": d_model, "pad_id": pad, "eos_id": eos, "unk_id": unk,
        "source_spm_size": src_sp.get_piece_size(), "target_spm_size": tgt_sp.get_piece_size(),
        "mapped_pairs": mapped_pairs, "unmapped_words": unmapped_words,
        "copied_missing_in_target": copied_missing_in_tgt, "n_copied": len(copied_src),
        "min_margin": float(min_margin), "examples": examples,
        "encoder_ops": graph_ops(encoder), "decoder_ops": graph_ops(decoder),
    }

# --------------------------------------------------------------------------------------------------
# Embedding models
# --------------------------------------------------------------------------------------------------


def bert_basic_tokenize(text):
    """BERT BasicTokenizer (uncased): lowercase, strip accents, split on whitespace and punctuation."""
    text = unicodedata.normalize("NFD", text.lower())
    text = "".join(c for c in text if unicodedata.category(c) != "Mn")
    tokens = []
    for word in text.split():
        cur = ""
        for ch in word:
            cp = ord(ch)
            is_punct = (33 <= cp <= 47 or 58 <= cp <= 64 or 91 <= cp <= 96 or 123 <= cp <= 126
                        or unicodedata.category(ch).startswith("P"))
            if is_punct:
                if cur:
                    tokens.append(cur)
                tokens.append(ch)
                cur = ""
            else:
                cur += ch
        if cur:
            tokens.append(cur)
    return tokens


def wordpiece_tokenize(text, vocab, unk="[UNK]", max_chars=100):
    """Greedy longest-match-first WordPiece, exactly as BertTokenizer/WordPieceTokenizer does it."""
    out = []
    for word in bert_basic_tokenize(text):
        if len(word) > max_chars:
            out.append(unk)
            continue
        start, pieces, bad = 0, [], False
        while start < len(word):
            end, found = len(word), None
            while start < end:
                sub = word[start:end] if start == 0 else "##" + word[start:end]
                if sub in vocab:
                    found = sub
                    break
                end -= 1
            if found is None:
                bad = True
                break
            pieces.append(found)
            start = end
        out.extend([unk] if bad else pieces)
    return out


def build_wordpiece_vocab():
    counts = {}
    for s in EMBED_CORPUS:
        for w in bert_basic_tokenize(s):
            counts[w] = counts.get(w, 0) + 1
    tokens = list(WP_SPECIAL)
    tokens += [c for c in ".,;:!?()-/%'\"&+"]
    tokens += [str(d) for d in range(10)]
    tokens += [chr(c) for c in range(ord("a"), ord("z") + 1)]
    tokens += ["##" + str(d) for d in range(10)]
    tokens += ["##" + chr(c) for c in range(ord("a"), ord("z") + 1)]
    tokens += [t for t in WP_SUFFIXES if t not in tokens]  # "##s" is already a letter piece
    words = sorted((w for w in counts if w not in WP_NOT_WHOLE and len(w) > 1 and w.isalpha()),
                   key=lambda w: (-counts[w], w))
    for extra in ("bleed",):
        if extra not in words:
            words.append(extra)
    for w in words:
        if w not in tokens:
            tokens.append(w)
    return tokens


def embedding_graph(name, vocab_size, with_token_types, seed):
    rng = np.random.default_rng(seed)
    word = rng.standard_normal((vocab_size, EMBED_DIM)).astype(np.float32)
    pos = rng.standard_normal((MAX_POSITIONS, EMBED_DIM)).astype(np.float32)
    types = rng.standard_normal((2, EMBED_DIM)).astype(np.float32)
    nodes = [
        helper.make_node("Gather", ["word_embeddings", "input_ids"], ["we"], axis=0),
        helper.make_node("Shape", ["input_ids"], ["ids_shape"]),
        helper.make_node("Gather", ["ids_shape", "one_i"], ["seq_len"], axis=0),
        helper.make_node("Range", ["zero_i", "seq_len", "one_i"], ["position_ids"]),
        helper.make_node("Gather", ["position_embeddings", "position_ids"], ["pe"], axis=0),
        helper.make_node("Mul", ["pe", "pos_scale"], ["pe_scaled"]),
        helper.make_node("Add", ["we", "pe_scaled"], ["h0"]),
    ]
    inits = [const("word_embeddings", word), const("position_embeddings", pos),
             const("one_i", np.array(1, np.int64)), const("zero_i", np.array(0, np.int64)),
             const("pos_scale", np.array(0.1, np.float32))]
    inputs = [helper.make_tensor_value_info("input_ids", TensorProto.INT64, ["batch_size", "sequence_length"]),
              helper.make_tensor_value_info("attention_mask", TensorProto.INT64, ["batch_size", "sequence_length"])]
    if with_token_types:
        nodes += [helper.make_node("Gather", ["token_type_embeddings", "token_type_ids"], ["te"], axis=0),
                  helper.make_node("Mul", ["te", "pos_scale"], ["te_scaled"]),
                  helper.make_node("Add", ["h0", "te_scaled"], ["h1"]),
                  helper.make_node("Tanh", ["h1"], ["last_hidden_state"])]
        inits.append(const("token_type_embeddings", types))
        inputs.append(helper.make_tensor_value_info("token_type_ids", TensorProto.INT64,
                                                    ["batch_size", "sequence_length"]))
    else:
        nodes.append(helper.make_node("Tanh", ["h0"], ["last_hidden_state"]))
    model = make_model(helper.make_graph(
        nodes, name, inputs,
        [helper.make_tensor_value_info("last_hidden_state", TensorProto.FLOAT,
                                       ["batch_size", "sequence_length", EMBED_DIM])],
        inits))

    def reference(ids, token_types=None):
        S = ids.shape[1]
        h = word[ids] + np.float32(0.1) * pos[np.arange(S)][None]
        if with_token_types:
            h = h + np.float32(0.1) * types[token_types]
        return np.tanh(h)

    return model, reference


def pooled(hidden, mask):
    """Masked mean pooling + L2 normalisation (what the app does), in float64."""
    h = hidden.astype(np.float64)
    m = mask.astype(np.float64)[..., None]
    v = (h * m).sum(1) / m.sum(1)
    return v / np.linalg.norm(v, axis=-1, keepdims=True)


def check_embedding(model, reference, ids_rows, with_token_types):
    """Run graph vs reference on a right-padded batch; verify padding does not change pooled vectors."""
    S = max(len(r) for r in ids_rows)
    ids = np.zeros((len(ids_rows), S), np.int64)
    mask = np.zeros_like(ids)
    for b, r in enumerate(ids_rows):
        ids[b, :len(r)] = r
        mask[b, :len(r)] = 1
    feeds = {"input_ids": ids, "attention_mask": mask}
    tt = np.zeros_like(ids)
    if with_token_types:
        feeds["token_type_ids"] = tt
    out = run_graph(model, feeds)["last_hidden_state"]
    assert out.dtype == np.float32 and out.shape == (len(ids_rows), S, EMBED_DIM)
    assert np.allclose(out, reference(ids, tt), atol=1e-6)
    batch_vecs = pooled(out, mask)
    for b, r in enumerate(ids_rows):
        one = np.array([r], np.int64)
        f = {"input_ids": one, "attention_mask": np.ones_like(one)}
        if with_token_types:
            f["token_type_ids"] = np.zeros_like(one)
        alone = pooled(run_graph(model, f)["last_hidden_state"], np.ones_like(one))[0]
        assert np.allclose(alone, batch_vecs[b], atol=1e-6)
    return batch_vecs


def build_wordpiece_embedding():
    tokens = build_wordpiece_vocab()
    vocab = {t: i for i, t in enumerate(tokens)}
    assert len(vocab) == len(tokens)
    model, reference = embedding_graph("wordpiece_embedding", len(tokens), True, seed=20240611)
    pieces = ["[CLS]"] + wordpiece_tokenize(QUERY, vocab) + ["[SEP]"]
    ids = [vocab[p] for p in pieces]
    ids_plain = ids[1:-1]
    other = [vocab["[CLS]"]] + [vocab[p] for p in wordpiece_tokenize("call 112 now.", vocab)] + [vocab["[SEP]"]]
    vecs = check_embedding(model, reference, [ids, other, ids_plain], True)
    d = OUT / "embedding" / "wordpiece"
    d.mkdir(parents=True, exist_ok=True)
    save_model(model, d / "model.onnx")
    (d / "vocab.txt").write_text("".join(t + "\n" for t in tokens), encoding="utf-8")
    return {"vocab_size": len(tokens), "pieces": pieces, "ids": ids, "vector": vecs[0].tolist(),
            "ids_no_special": ids_plain, "vector_no_special": vecs[2].tolist(),
            "ops": graph_ops(model), "specials": {t: vocab[t] for t in WP_SPECIAL}}


def build_sentencepiece_embedding():
    data = train_spm(EMBED_CORPUS, 400, pad_id=3)
    sp = sp_from_bytes(data)
    model, reference = embedding_graph("sentencepiece_embedding", sp.get_piece_size(), False, seed=20240612)
    core = sp.encode(QUERY)
    ids = [sp.bos_id()] + core + [sp.eos_id()]
    other = [sp.bos_id()] + sp.encode("call 112 now.") + [sp.eos_id()]
    vecs = check_embedding(model, reference, [ids, other, core], False)
    d = OUT / "embedding" / "sentencepiece"
    d.mkdir(parents=True, exist_ok=True)
    save_model(model, d / "model.onnx")
    (d / "sentencepiece.bpe.model").write_bytes(data)
    return {"vocab_size": sp.get_piece_size(), "pieces": ["<s>"] + sp.encode(QUERY, out_type=str) + ["</s>"],
            "ids": ids, "vector": vecs[0].tolist(), "ids_no_special": core, "vector_no_special": vecs[2].tolist(),
            "ops": graph_ops(model),
            "specials": {"<unk>": sp.unk_id(), "<s>": sp.bos_id(), "</s>": sp.eos_id(), "<pad>": sp.pad_id()}}

# --------------------------------------------------------------------------------------------------
# Output
# --------------------------------------------------------------------------------------------------


def write_json(path, obj):
    path.write_text(json.dumps(obj, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def fmt(v, n=4):
    return "[" + ", ".join(f"{x:.6f}" for x in v[:n]) + "]"


def write_readme(m, wp, sp):
    ex_rows = "\n".join(
        f"| `{e['source']}` | `{' '.join(e['source_pieces'])}` | `{e['input_ids']}` | `{e['output_ids']}` | "
        f"`{e['translation']}` |" for e in m["examples"])
    pairs = ", ".join(f"`{k}`→`{v}`" for k, v in list(m["mapped_pairs"].items()))
    emb_rows = []
    for label, r, folder in (("WordPiece", wp, "embedding/wordpiece"), ("SentencePiece", sp, "embedding/sentencepiece")):
        emb_rows.append(
            f"| {label} (`{folder}`) | `{' '.join(r['pieces'])}` | `{r['ids']}` | `{fmt(r['vector'])}` |\n"
            f"| {label}, no special tokens | `{' '.join(r['pieces'][1:-1])}` | `{r['ids_no_special']}` | "
            f"`{fmt(r['vector_no_special'])}` |")
    text = f"""# Test models (generated)

Tiny, deterministic ONNX models and tokenizer files for SIGMA-NEX's offline translation and
embedding code paths. They are **not** real models: the weights are hand-built or seeded random,
so tests can assert exact outputs. Everything in this folder except `generate.py` is produced by

```sh
/usr/bin/python3 tests/models/generate.py
```

(Debian packages `python3-onnx` 1.12, `python3-sentencepiece` 0.1.97, `python3-numpy`; no onnxruntime
needed). Re-running it rewrites every file byte-for-byte identically (fixed seeds, single-threaded
SentencePiece training from memory, no timestamps). The script also verifies each graph:
`onnx.checker` (full check) + strict shape inference, then it executes the saved graphs with a small
numpy interpreter of the ONNX ops used and compares against an independent numpy reference
implementation and against the behaviour rules below; it fails loudly if anything differs.
`expected.json` holds every value quoted here (plus the full 32-dim vectors) for tests to load.
The models were also run once with Microsoft.ML.OnnxRuntime 1.31.1 from C# (batched greedy
decoding and the embedding values below), with identical results.

All graphs: opset {OPSET}, IR version {IR_VERSION}, float32, dynamic batch and sequence axes.

## 1. `marian/en-es/` — Marian (opus-mt) shaped translation model

Laid out like a Hugging Face Optimum ONNX export of an opus-mt model (without `decoder_with_past_model.onnx`):

| file | content |
| --- | --- |
| `encoder_model.onnx` | inputs `input_ids` int64 [batch, src_len], `attention_mask` int64 [batch, src_len] → `last_hidden_state` float32 [batch, src_len, {m['d_model']}] |
| `decoder_model.onnx` | inputs `encoder_attention_mask` int64 [batch, src_len], `input_ids` int64 [batch, tgt_len], `encoder_hidden_states` float32 [batch, src_len, {m['d_model']}] → `logits` float32 [batch, tgt_len, {m['vocab_size']}] |
| `source.spm` | SentencePiece BPE model trained on a small English first-aid corpus ({m['source_spm_size']} pieces, byte_fallback off, digits 0-9 are user-defined single-character pieces) |
| `target.spm` | same for the Spanish side ({m['target_spm_size']} pieces) |
| `vocab.json` | piece → model id, shared by source and target (union of both spm vocabularies): `</s>`=0, `<unk>`=1, …, `<pad>`={m['pad_id']} (the last id). `<s>` is not in it (as in opus-mt). |
| `config.json` | `model_type` marian, `d_model` {m['d_model']}, `vocab_size` {m['vocab_size']}, `pad_token_id` {m['pad_id']}, `eos_token_id` 0, `decoder_start_token_id` {m['pad_id']}, `max_length` 64, `num_beams` 1, `bos_token_id` 0, `forced_eos_token_id` 0 |

As with real Marian, **model ids are not spm ids**: tokenize the text with `source.spm` into pieces,
look every piece up in `vocab.json` (missing → `<unk>`=1), append `</s>`=0. The decoder input starts
with `decoder_start_token_id` = `<pad>` = {m['pad_id']}. To detokenize, drop `</s>`/`<pad>`, turn ids back
into pieces with `vocab.json`, and join them with `target.spm` (`DecodePieces`), which for these
outputs is the same as concatenating the pieces, replacing `▁` with a space and trimming.

**Behaviour.** The model copies the source position by position through a fixed table:
decoder position *t* (0-based; position 0 holds the start token) predicts the mapped id of source
token *t*, and `</s>` (0) when *t* equals the number of non-pad source tokens excluding the trailing
`</s>` (it maps `</s>`→`</s>`, and every position past the end or on a pad predicts `</s>` too).
The prediction does not depend on the decoder's input ids, only on their count, so greedy search and
beam search give the same result. The winning logit is ≈{MARIAN_LOGIT:g}, all others ≈0 (`<pad>` ≈ -100): the
smallest top-1/top-2 margin measured by the generator is {m['min_margin']:.3f} (≥ 5).
Use right padding (pads at the end, `attention_mask` 0): source position *t* is matched with decoder
position *t*, so left padding shifts the alignment.

The table maps the source piece `▁<english word>` to the target piece `▁<spanish word>` for
{len(m['mapped_pairs'])} words of the corpus: {pairs}.
Every other piece (digits `0`…`9`, `▁`, `.`, `▁mg`, `▁paracetamol`, subword pieces, `<unk>`) is copied
with the same id, so numbers and units such as `500 mg` and `112` come out verbatim.
Only the corpus is covered: it is lowercase, so e.g. `B` is an unknown character (spm piece `B`,
not in `vocab.json`, so `<unk>`=1, which is then copied). {len(m['copied_missing_in_target'])} of the {m['n_copied']} copied source
pieces (English subwords such as `th`, `▁w`) do not exist in `target.spm`; they only appear for
out-of-corpus English words, and `target.spm`'s `DecodePieces` keeps such pieces verbatim (a literal
`▁` included), whereas plain concatenation turns every `▁` into a space.

How it is built (plain ONNX ops; encoder: {', '.join(m['encoder_ops'])}; decoder: {', '.join(m['decoder_ops'])}):
- encoder: `last_hidden_state[b,s] = concat(onehot(input_ids[b,s]) * attention_mask[b,s], (s, s², 1))`
  (one-hot via `Gather` from an identity table; `d_model` = vocab size + 3).
- decoder: query for position t is `(2t, −1, −t²)`, keys are the encoder's `(s, s², 1)`, so
  `MatMul` gives `−(t−s)²`; scores are multiplied by a temperature {MARIAN_TEMP:g}, pads of
  `encoder_attention_mask` get −1e4, and one extra "null" key with score {MARIAN_NULL_SCORE:g} whose value is
  one-hot `</s>` is appended; `Softmax`, then `MatMul` with the masked one-hot source tokens gives
  (almost exactly) the one-hot of source token t, or of `</s>` when there is no unmasked source
  position t; a final `MatMul` with a {m['vocab_size']}×{m['vocab_size']} table (row `i` has {MARIAN_LOGIT:g} at column `map[i]`)
  plus a bias (−100 on `<pad>`) gives the logits. Works for any length up to ~2000 tokens (the
  squared positions stay exact in float32).

**Examples** (single sentence, no padding; `input_ids` include the trailing `</s>`;
`output_ids` is what greedy search generates after the start token, ending with `</s>`):

| source | source pieces | input_ids | output_ids | translation (spm-decoded) |
| --- | --- | --- | --- | --- |
{ex_rows}

## 2. `embedding/` — tiny sentence-embedding models (BERT/MiniLM-shaped export)

Both are `last_hidden_state = Tanh(word_embedding[input_ids] + 0.1 * position_embedding[0..seq-1]
(+ 0.1 * token_type_embedding[token_type_ids]))`, width {EMBED_DIM}, with seeded random N(0,1) tables
(position table has {MAX_POSITIONS} rows, so sequences are limited to {MAX_POSITIONS} tokens like BERT).
`attention_mask` is an input but is **not used** inside: pad positions produce non-zero vectors, so
the app's masked mean pooling is what keeps padded and unpadded results identical (checked by the
generator).

- `embedding/wordpiece/`: `model.onnx` (inputs `input_ids`, `attention_mask`, `token_type_ids`, all
  int64 [batch, seq]; output `last_hidden_state` float32 [batch, seq, {EMBED_DIM}]) and `vocab.txt`
  ({wp['vocab_size']} entries, one per line, id = line number from 0): `[PAD]`=0, `[UNK]`=1, `[CLS]`=2, `[SEP]`=3,
  `[MASK]`=4, punctuation, digits, `a`–`z`, `##0`–`##9`, `##a`–`##z`, a few suffixes (`##ing`, `##s`, …),
  then the corpus words by frequency. Tokenize like uncased `BertTokenizer` (lowercase, strip accents,
  split on whitespace and punctuation, greedy longest-match WordPiece with `##`), then
  `[CLS] … [SEP]`, `token_type_ids` all 0. `bleeding` is deliberately **not** a whole word, so it
  becomes `bleed ##ing`.
- `embedding/sentencepiece/`: `model.onnx` (inputs `input_ids`, `attention_mask`; output
  `last_hidden_state` float32 [batch, seq, {EMBED_DIM}]) and `sentencepiece.bpe.model` (SentencePiece BPE,
  {sp['vocab_size']} pieces, trained on the same corpus). **spm ids are the model ids** (no fairseq offset):
  `<unk>`=0, `<s>`=1, `</s>`=2, `<pad>`=3; reference tokenization is `<s>` + `Encode(text)` + `</s>`.

**Expected values for "{QUERY}"** (mean over all tokens since the mask is all ones, then L2-normalised;
first 4 of {EMBED_DIM} dimensions; computed with numpy from the same weights — assert with tolerance ~1e-4):

| model | tokens | input_ids | normalised mean, dims 0-3 |
| --- | --- | --- | --- |
{chr(10).join(emb_rows)}
"""
    (OUT / "README.md").write_text(text, encoding="utf-8")


def main():
    marian = build_marian()
    wp = build_wordpiece_embedding()
    sp = build_sentencepiece_embedding()
    expected = {
        "marian_en_es": {k: marian[k] for k in ("vocab_size", "d_model", "pad_id", "eos_id", "unk_id", "examples")},
        "embedding_wordpiece": {"text": QUERY, **{k: wp[k] for k in ("pieces", "ids", "vector", "ids_no_special",
                                                                      "vector_no_special", "specials")}},
        "embedding_sentencepiece": {"text": QUERY, **{k: sp[k] for k in ("pieces", "ids", "vector", "ids_no_special",
                                                                          "vector_no_special", "specials")}},
    }
    for k in ("embedding_wordpiece", "embedding_sentencepiece"):
        for v in ("vector", "vector_no_special"):
            expected[k][v] = [round(x, 7) for x in expected[k][v]]
    write_json(OUT / "expected.json", expected)
    write_readme(marian, wp, sp)

    print("Marian en-es: vocab", marian["vocab_size"], "d_model", marian["d_model"],
          "mapped words", len(marian["mapped_pairs"]), "unmapped", marian["unmapped_words"],
          "min margin", round(marian["min_margin"], 3))
    for e in marian["examples"]:
        print(f"  {e['source']!r} -> {e['translation']!r}  ids {e['input_ids']} -> {e['output_ids']}")
    for name, r in (("wordpiece", wp), ("sentencepiece", sp)):
        print(f"embedding/{name}: vocab {r['vocab_size']} tokens {r['pieces']} ids {r['ids']} first4 {fmt(r['vector'])}")
    total = 0
    for p in sorted(OUT.rglob("*")):
        if p.is_file() and "__pycache__" not in p.parts:
            size = p.stat().st_size
            total += size
            digest = hashlib.sha256(p.read_bytes()).hexdigest()[:12]
            print(f"{size:>10}  {digest}  {p.relative_to(OUT)}")
    print(f"{total:>10}  total bytes in {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
