#!/usr/bin/python3
"""Writes the small ONNX models of the ONNX scoring tests (OnnxScoreSourceTests) into the folder given as argument,
with the weights they hold in weights.json, so the test can compute the same model's probabilities itself.

Needs Debian's python3-onnx (onnx 1.12.0): /usr/bin/python3 tests/reference/make_onnx_models.py OUT_DIR

Every model is a logistic regression written out with standard operators, in the shapes skl2onnx gives a pipeline
fitted on one input per column (initial_types [None, 1] per column):
  z = w1 * product_price + w2 * discount_percentage + w3 * delivery_time_days + category_weight[product_category] + b
  p = sigmoid(z)
product_price and discount_percentage are float inputs, delivery_time_days a double input (cast to float), and
product_category a string input mapped to its weight by ai.onnx.ml LabelEncoder (unknown categories: 0).
  probabilities.onnx   outputs `label` (int64, p >= 0.5) and `probabilities` ([n, 2]: 1 - p, p)
  zipmap.onnx          outputs `output_label` and `output_probability` (ZipMap: a sequence of maps {0: 1 - p, 1: p})
  single.onnx          one output `return_probability` ([n, 1])
  two_outputs.onnx     outputs `logit` ([n, 1]) and `p` ([n, 1]): ambiguous without --onnx-output
  wrong_inputs.onnx    like single.onnx but wants `customer_age` (float) and `product_category` as float: no match
  out_of_range.onnx    one output `z` = the logit itself: not a probability
"""
import json
import os
import sys

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

WEIGHTS = {
    "product_price": 0.004,
    "discount_percentage": 0.045,
    "delivery_time_days": 0.21,
    "bias": -3.1,
    "categories": {"Clothing": 0.9, "Shoes": 0.55, "Electronics": -0.35, "Beauty": -0.6},
}
OPSETS = [helper.make_opsetid("", 15), helper.make_opsetid("ai.onnx.ml", 2)]


def column(name, elem):
    return helper.make_tensor_value_info(name, elem, [None, 1])


def logit_nodes(price="product_price", discount="discount_percentage", category_type=TensorProto.STRING):
    w = WEIGHTS
    cats = list(w["categories"])
    nodes = [
        helper.make_node("Cast", ["delivery_time_days"], ["delivery_f"], to=TensorProto.FLOAT),
    ]
    if category_type == TensorProto.STRING:
        nodes.append(helper.make_node("LabelEncoder", ["product_category"], ["category_w"], domain="ai.onnx.ml",
                                      keys_strings=cats, values_floats=[w["categories"][c] for c in cats], default_float=0.0))
    else:
        nodes.append(helper.make_node("Identity", ["product_category"], ["category_w"]))
    nodes += [
        helper.make_node("Concat", [price, discount, "delivery_f"], ["x"], axis=1),
        helper.make_node("MatMul", ["x", "W"], ["xw"]),
        helper.make_node("Add", ["xw", "category_w"], ["xwc"]),
        helper.make_node("Add", ["xwc", "B"], ["logit"]),
    ]
    inits = [
        numpy_helper.from_array(np.array([[w["product_price"]], [w["discount_percentage"]], [w["delivery_time_days"]]], dtype=np.float32), "W"),
        numpy_helper.from_array(np.array([w["bias"]], dtype=np.float32), "B"),
    ]
    return nodes, inits


def inputs(price="product_price", category_type=TensorProto.STRING):
    return [column(price, TensorProto.FLOAT), column("discount_percentage", TensorProto.FLOAT),
            column("delivery_time_days", TensorProto.DOUBLE), column("product_category", category_type)]


def save(graph, out, name):
    model = helper.make_model(graph, opset_imports=OPSETS, producer_name="make_onnx_models.py")
    model.ir_version = 8
    onnx.checker.check_model(model)
    onnx.save(model, os.path.join(out, name))


def probabilities_tail(nodes, inits):
    inits.append(numpy_helper.from_array(np.array([1.0], dtype=np.float32), "One"))
    inits.append(numpy_helper.from_array(np.array([0.5], dtype=np.float32), "Half"))
    nodes += [
        helper.make_node("Sigmoid", ["logit"], ["p"]),
        helper.make_node("Sub", ["One", "p"], ["q"]),
        helper.make_node("Concat", ["q", "p"], ["probabilities"], axis=1),
        helper.make_node("GreaterOrEqual", ["p", "Half"], ["returned"]),
        helper.make_node("Cast", ["returned"], ["label2"], to=TensorProto.INT64),
        helper.make_node("Squeeze", ["label2", "Axis1"], ["label"]),
    ]
    inits.append(numpy_helper.from_array(np.array([1], dtype=np.int64), "Axis1"))


def main(out):
    os.makedirs(out, exist_ok=True)

    nodes, inits = logit_nodes()
    probabilities_tail(nodes, inits)
    save(helper.make_graph(nodes, "probabilities", inputs(), [
        helper.make_tensor_value_info("label", TensorProto.INT64, [None]),
        helper.make_tensor_value_info("probabilities", TensorProto.FLOAT, [None, 2])], inits), out, "probabilities.onnx")

    nodes, inits = logit_nodes()
    probabilities_tail(nodes, inits)
    nodes += [
        helper.make_node("Identity", ["label"], ["output_label"]),
        helper.make_node("ZipMap", ["probabilities"], ["output_probability"], domain="ai.onnx.ml", classlabels_int64s=[0, 1]),
    ]
    # onnx 1.12 has no make_map_type_proto: the map type is filled in by hand.
    map_type = onnx.TypeProto()
    map_type.map_type.key_type = TensorProto.INT64
    map_type.map_type.value_type.CopyFrom(helper.make_tensor_type_proto(TensorProto.FLOAT, []))
    zip_type = helper.make_sequence_type_proto(map_type)
    save(helper.make_graph(nodes, "zipmap", inputs(), [
        helper.make_tensor_value_info("output_label", TensorProto.INT64, [None]),
        helper.make_value_info("output_probability", zip_type)], inits), out, "zipmap.onnx")

    nodes, inits = logit_nodes()
    nodes.append(helper.make_node("Sigmoid", ["logit"], ["return_probability"]))
    save(helper.make_graph(nodes, "single", inputs(), [
        helper.make_tensor_value_info("return_probability", TensorProto.FLOAT, [None, 1])], inits), out, "single.onnx")

    nodes, inits = logit_nodes()
    nodes.append(helper.make_node("Sigmoid", ["logit"], ["p"]))
    save(helper.make_graph(nodes, "two_outputs", inputs(), [
        helper.make_tensor_value_info("logit", TensorProto.FLOAT, [None, 1]),
        helper.make_tensor_value_info("p", TensorProto.FLOAT, [None, 1])], inits), out, "two_outputs.onnx")

    nodes, inits = logit_nodes(price="customer_age", category_type=TensorProto.FLOAT)
    nodes.append(helper.make_node("Sigmoid", ["logit"], ["p"]))
    save(helper.make_graph(nodes, "wrong_inputs", inputs(price="customer_age", category_type=TensorProto.FLOAT), [
        helper.make_tensor_value_info("p", TensorProto.FLOAT, [None, 1])], inits), out, "wrong_inputs.onnx")

    nodes, inits = logit_nodes()
    nodes.append(helper.make_node("Identity", ["logit"], ["z"]))
    save(helper.make_graph(nodes, "out_of_range", inputs(), [
        helper.make_tensor_value_info("z", TensorProto.FLOAT, [None, 1])], inits), out, "out_of_range.onnx")

    with open(os.path.join(out, "weights.json"), "w") as f:
        json.dump({"onnx": onnx.__version__, **WEIGHTS}, f, indent=2, sort_keys=True)


if __name__ == "__main__":
    main(sys.argv[1])
